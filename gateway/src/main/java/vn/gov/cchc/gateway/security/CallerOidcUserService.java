package vn.gov.cchc.gateway.security;

import java.util.List;

import reactor.core.publisher.Mono;
import vn.gov.cchc.security.Caller;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The dashboard user after the issuer's login: the OIDC user, with the unit and roles the
 * access token carries (the same token the gateway relays to the services), so the
 * gateway's role rules treat a logged-in officer like a bearer-token one.
 */
class CallerOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate;

	private final ReactiveJwtDecoder decoder;

	CallerOidcUserService(ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate, ReactiveJwtDecoder decoder) {
		this.delegate = delegate;
		this.decoder = decoder;
	}

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest request) {
		return this.delegate.loadUser(request)
			.zipWith(this.decoder.decode(request.getAccessToken().getTokenValue()))
			.map((loaded) -> {
				Caller caller = Caller.of(loaded.getT2());
				List<GrantedAuthority> authorities = caller.roles()
					.stream()
					.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
					.toList();
				return new CallerOidcUser(caller, authorities, loaded.getT1());
			});
	}

}
