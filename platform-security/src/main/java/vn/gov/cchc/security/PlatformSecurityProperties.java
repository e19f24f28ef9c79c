package vn.gov.cchc.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The issuer a service trusts ({@code cchc.security.*}).
 *
 * @param issuer the {@code iss} every token must name: the local issuer
 * ({@code http://localhost:9000}) or Keycloak's realm URL
 * @param jwkSetUri where the issuer's signing keys are; when empty,
 * {@code <issuer>/oauth2/jwks} (Spring Authorization Server's place)
 * @param publicKeyLocation a fixed RSA public key instead of the key set, for tests
 */
@ConfigurationProperties("cchc.security")
public record PlatformSecurityProperties(String issuer, @Nullable String jwkSetUri,
		@Nullable Resource publicKeyLocation) {

	public PlatformSecurityProperties {
		if (issuer == null || issuer.isBlank()) {
			throw new IllegalArgumentException("cchc.security.issuer is required (the issuer's URL, the tokens' iss)");
		}
	}

	/** The key set's URL. */
	public String effectiveJwkSetUri() {
		return (this.jwkSetUri != null && !this.jwkSetUri.isBlank()) ? this.jwkSetUri
				: this.issuer.replaceAll("/+$", "") + "/oauth2/jwks";
	}

}
