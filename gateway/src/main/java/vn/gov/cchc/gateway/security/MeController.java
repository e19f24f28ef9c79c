package vn.gov.cchc.gateway.security;

import java.security.Principal;
import java.util.List;

import reactor.core.publisher.Mono;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.Role;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the gateway takes the caller to be, for the dashboard to
 * start at the caller's own unit.
 */
@RestController
class MeController {

	@GetMapping("/api/v1/me")
	Mono<Me> me(Mono<Principal> principal) {
		return principal.flatMap((found) -> {
			if (found instanceof JwtAuthenticationToken token) {
				return Mono.just(Me.of(Caller.of(token.getToken())));
			}
			if (found instanceof OAuth2AuthenticationToken login
					&& login.getPrincipal() instanceof CallerOidcUser user) {
				return Mono.just(Me.of(user.caller()));
			}
			return Mono.empty();
		});
	}

	/**
	 * @param user the login
	 * @param name the display name
	 * @param unit the unit the caller acts for
	 * @param roles {@code officer}, {@code machine}, {@code reviewer}, {@code admin}
	 */
	record Me(String user, String name, String unit, List<String> roles) {

		static Me of(Caller caller) {
			return new Me(caller.user(), caller.name(), caller.unitCode(),
					caller.roles().stream().map(Role::claimValue).sorted().toList());
		}

	}

}
