package vn.gov.cchc.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens from the one-box issuer, got the way real clients get them: a commune's system
 * and the provisioning system by client credentials, a person through the login form and
 * the authorization code flow of the dashboard's client (the way the gateway logs a
 * browser in). Tokens are kept until a minute before they run out.
 */
final class Issuer {

	/** The province's provisioning system: an administrator of Bắc Ninh. */
	static final String PROVISIONING = "cchc-provisioning";

	private static final String DASHBOARD_CLIENT = "cchc-dashboard";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String issuer;

	private final String gateway;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	Issuer(String issuer, String gateway) {
		this.issuer = issuer;
		this.gateway = gateway;
	}

	/**
	 * Forgets the tokens kept: the local issuer makes a new signing key each time it
	 * starts, so after a restart of the runtime they are no longer valid.
	 */
	void forget() {
		this.tokens.clear();
	}

	/** The provisioning system's token. */
	String provisioning() {
		return client(PROVISIONING).orElseThrow(() -> new IllegalStateException("The issuer refused " + PROVISIONING));
	}

	/**
	 * The token of a commune's one-stop system, if the issuer knows one for the commune.
	 */
	Optional<String> commune(String communeCode) {
		return client("commune-" + communeCode);
	}

	/**
	 * A client credentials token of a demo client (its secret is its id and "-secret").
	 */
	Optional<String> client(String clientId) {
		Token kept = this.tokens.get(clientId);
		if (kept != null && kept.fresh()) {
			return Optional.of(kept.value());
		}
		HttpResponse<String> response = clientCredentials(clientId, clientId + "-secret");
		if (response.statusCode() != 200) {
			return Optional.empty();
		}
		Token token = Token.of(json.readTree(response.body()));
		this.tokens.put(clientId, token);
		return Optional.of(token.value());
	}

	/** The raw answer of the token endpoint to a client credentials request. */
	HttpResponse<String> clientCredentials(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
	}

	/** A person's access token, by logging in through the issuer's form. */
	String person(String login, String password) {
		Token kept = this.tokens.get("person:" + login);
		if (kept != null && kept.fresh()) {
			return kept.value();
		}
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
		String redirect = this.gateway + "/login/oauth2/code/cchc";
		String authorize = this.issuer + "/oauth2/authorize?"
				+ form(Map.of("response_type", "code", "client_id", DASHBOARD_CLIENT, "scope", "openid profile",
						"redirect_uri", redirect, "state", "system-test", "code_challenge", challenge(verifier),
						"code_challenge_method", "S256"));
		HttpResponse<String> toLogin = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET());
		String loginPage = send(browser, HttpRequest.newBuilder(location(toLogin)).GET()).body();
		Matcher csrf = CSRF.matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the issuer's login page");
		}
		HttpResponse<String> loggedIn = send(browser,
				HttpRequest.newBuilder(URI.create(this.issuer + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString(form(Map.of("username", login, "password", password, "_csrf", csrf.group(1))))));
		HttpResponse<String> back = send(browser, HttpRequest.newBuilder(location(loggedIn)).GET());
		URI callback = location(back);
		if (callback.getQuery() == null || !callback.getQuery().contains("code=")) {
			throw new IllegalStateException("The issuer did not log " + login + " in: " + callback);
		}
		String code = URLDecoder.decode(callback.getRawQuery().replaceAll(".*code=([^&]+).*", "$1"),
				StandardCharsets.UTF_8);
		String basic = Base64.getEncoder()
			.encodeToString((DASHBOARD_CLIENT + ":cchc-dashboard-secret").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> exchanged = send(HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
					"redirect_uri", redirect, "code_verifier", verifier)))));
		if (exchanged.statusCode() != 200) {
			throw new IllegalStateException("Code exchange for " + login + ": " + exchanged.body());
		}
		Token token = Token.of(json.readTree(exchanged.body()));
		this.tokens.put("person:" + login, token);
		return token.value();
	}

	private URI location(HttpResponse<String> response) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException(
					"Expected a redirect from " + response.uri() + ", got " + response.statusCode()));
		return response.uri().resolve(location);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return send(this.http, request);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The issuer did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> fields) {
		return new LinkedHashMap<>(fields).entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Token(String value, Instant expiresAt) {

		static Token of(JsonNode answer) {
			return new Token(answer.path("access_token").asString(),
					Instant.now().plusSeconds(answer.path("expires_in").asLong(300)));
		}

		boolean fresh() {
			return Instant.now().plusSeconds(60).isBefore(this.expiresAt);
		}

	}

}
