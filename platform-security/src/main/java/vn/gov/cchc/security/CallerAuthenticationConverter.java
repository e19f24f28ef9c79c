package vn.gov.cchc.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated JWT into an authentication whose authorities are the platform's roles
 * ({@code ROLE_OFFICER} ...); a token that names no unit is refused as invalid.
 */
public class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Caller caller = Caller.of(jwt);
		List<GrantedAuthority> authorities = caller.roles()
			.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
		return new JwtAuthenticationToken(jwt, authorities, caller.user());
	}

}
