package vn.gov.cchc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens for tests, signed like the platform's issuer signs them (RS256, claims
 * {@code sub}, {@code name}, {@code unit}, {@code roles}) with the tests' own key pair. A
 * service under test trusts them with
 * {@code cchc.security.public-key-location=classpath:cchc-test-issuer.pub} and
 * {@code cchc.security.issuer=}{@value #ISSUER}.
 */
public final class TestTokens {

	/** The issuer the tests' tokens name. */
	public static final String ISSUER = "https://issuer.cchc.test";

	/** The public key services under test verify with (a classpath resource). */
	public static final String PUBLIC_KEY_LOCATION = "classpath:cchc-test-issuer.pub";

	private static final RSAPrivateKey KEY = privateKey("/cchc-test-issuer.key");

	private TestTokens() {
	}

	/** A token valid for 15 minutes. */
	public static String of(String user, String unit, String... roles) {
		return builder(user, unit, roles).sign();
	}

	/** An officer of the unit. */
	public static String officer(String unit) {
		return of("officer-" + unit, unit, "officer");
	}

	/** The unit's own system (client credentials). */
	public static String machine(String unit) {
		return of("commune-" + unit, unit, "machine");
	}

	/** A reviewer (Sở Nội vụ) acting for the unit. */
	public static String reviewer(String unit) {
		return of("reviewer-" + unit, unit, "reviewer");
	}

	/** An administrator of the unit (a province). */
	public static String admin(String unit) {
		return of("admin-" + unit, unit, "admin");
	}

	/** "Bearer " and the token, for an {@code Authorization} header. */
	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static Builder builder(String user, String unit, String... roles) {
		return new Builder(user, unit, List.of(roles));
	}

	/** A token still to be signed, for the cases a test wants to get wrong on purpose. */
	public static final class Builder {

		private final String user;

		private final String unit;

		private final List<String> roles;

		private String name;

		private String issuer = ISSUER;

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofMinutes(15);

		private Builder(String user, String unit, List<String> roles) {
			this.user = user;
			this.unit = unit;
			this.roles = roles;
			this.name = user;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		/** A token that ran out the given time ago. */
		public Builder expiredFor(Duration ago) {
			this.issuedAt = Instant.now().minus(ago).minus(this.lifetime);
			return this;
		}

		public String sign() {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(this.user)
				.issuer(this.issuer)
				.issueTime(Date.from(this.issuedAt))
				.notBeforeTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.issuedAt.plus(this.lifetime)))
				.jwtID(UUID.randomUUID().toString())
				.claim("name", this.name)
				.claim("unit", this.unit)
				.claim("roles", this.roles)
				.build();
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("cchc-test").build(),
					claims);
			try {
				jwt.sign(new RSASSASigner(KEY));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Could not sign a test token", ex);
			}
			return jwt.serialize();
		}

	}

	private static RSAPrivateKey privateKey(String resource) {
		try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing test key " + resource);
			}
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			return (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unreadable test key " + resource, ex);
		}
	}

}
