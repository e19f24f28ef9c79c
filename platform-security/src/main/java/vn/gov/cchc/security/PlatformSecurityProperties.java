package vn.gov.cchc.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

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

	/** The fixed public key of {@link #publicKeyLocation()}, a PEM {@code PUBLIC KEY}. */
	public RSAPublicKey publicKey() {
		Resource location = this.publicKeyLocation;
		if (location == null) {
			throw new IllegalStateException("cchc.security.public-key-location is not set");
		}
		try (InputStream in = location.getInputStream()) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + location, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Not an RSA public key: " + location, ex);
		}
	}

	/** The key set's URL. */
	public String effectiveJwkSetUri() {
		return (this.jwkSetUri != null && !this.jwkSetUri.isBlank()) ? this.jwkSetUri
				: this.issuer.replaceAll("/+$", "") + "/oauth2/jwks";
	}

}
