package vn.gov.cchc.authserver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What a client of the running issuer does over HTTP: call the token endpoint, and verify
 * a token the way a service does, against the issuer's JWKS and its {@code iss}.
 */
public final class IssuerClient {

	/** The issuer the tests configure, the contract's one-box value. */
	public static final String ISSUER = "http://localhost:9000";

	/**
	 * The contract's issuer, whatever CCHC_ISSUER_URI the shell running the tests has.
	 */
	public static final String ISSUER_PROPERTY = "cchc.auth.issuer=" + ISSUER;

	/** The gateway port of the dashboard's redirect URIs, whatever the shell has. */
	public static final String GATEWAY_PORT_PROPERTY = "GATEWAY_PORT=8080";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI base;

	private final NimbusJwtDecoder decoder;

	public IssuerClient(int port) {
		this.base = URI.create("http://localhost:" + port);
		this.decoder = NimbusJwtDecoder.withJwkSetUri(this.base.resolve("/oauth2/jwks").toString()).build();
		this.decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
	}

	public URI base() {
		return this.base;
	}

	/** A POST to {@code /oauth2/token}, the client authenticating with HTTP Basic. */
	public HttpResponse<String> token(String clientId, String secret, Map<String, String> form) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(formBody(form)))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A form POST with no client authentication of its own. */
	public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(formBody(form)))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve(path)).GET().build(),
				BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Verifies the signature against the JWKS, the issuer and the expiry. */
	public Jwt verify(String token) {
		return this.decoder.decode(token);
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	public static String formBody(Map<String, String> form) {
		return new LinkedHashMap<>(form).entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
