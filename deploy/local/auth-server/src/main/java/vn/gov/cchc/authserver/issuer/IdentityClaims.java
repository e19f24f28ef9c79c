package vn.gov.cchc.authserver.issuer;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import vn.gov.cchc.authserver.identity.DemoDirectory;
import vn.gov.cchc.authserver.identity.Identity;

/**
 * Writes what the services rely on into every token: {@value #UNIT}, {@value #ROLES} (a
 * JSON array) and {@value #NAME} into access tokens, {@value #UNIT} and {@value #NAME}
 * into ID tokens. The principal is the person who signed in, or the machine client itself
 * for the client credentials grant.
 */
@Component
class IdentityClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String UNIT = "unit";

	static final String ROLES = "roles";

	static final String NAME = "name";

	private final DemoDirectory directory;

	IdentityClaims(DemoDirectory directory) {
		this.directory = directory;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		Identity identity = identityOf(context);
		context.getClaims().claim(UNIT, identity.unit()).claim(NAME, identity.name());
		if (accessToken) {
			context.getClaims().claim(ROLES, identity.roleClaims());
		}
	}

	private Identity identityOf(JwtEncodingContext context) {
		Authentication principal = context.getPrincipal();
		String name = principal.getName();
		boolean machine = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
		// Every registered client and every person comes from the directory: a token
		// without a unit would only be refused by every service later.
		return (machine ? this.directory.serviceClient(name) : this.directory.person(name))
			.orElseThrow(() -> new IllegalStateException(
					"No demo identity for " + (machine ? "the machine client " : "the person ") + name));
	}

}
