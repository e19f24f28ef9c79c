package vn.gov.cchc.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a commune system or a reviewer does over HTTP, through the gateway only, each with
 * its own token from the issuer: a report goes with the token of its commune's system;
 * the rest with the provisioning system's (an administrator of Bắc Ninh) unless a token
 * is given.
 */
final class GatewayClient {

	/**
	 * The commune whose system sends the reports that name no commune the issuer knows.
	 */
	static final String DEFAULT_COMMUNE = "09190";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gateway;

	private final Issuer issuer;

	GatewayClient(String gateway, Issuer issuer) {
		this.gateway = gateway;
		this.issuer = issuer;
	}

	Issuer issuer() {
		return this.issuer;
	}

	/**
	 * Posts one report with the token of its commune's system (of
	 * {@value #DEFAULT_COMMUNE}'s when the report names no commune the issuer has a
	 * system for).
	 */
	HttpResponse<String> postProgress(String body) throws IOException, InterruptedException {
		String unit = null;
		try {
			unit = json.readTree(body).path("unitCode").asString(null);
		}
		catch (RuntimeException ex) {
			// Not JSON: a test of malformed input, sent by the default commune.
		}
		String commune = (unit != null && this.issuer.commune(unit).isPresent()) ? unit : DEFAULT_COMMUNE;
		HttpResponse<String> response = send(this.issuer.commune(commune).orElseThrow(), "POST", "/api/v1/progress",
				body);
		if (response.statusCode() == 401) {
			// The runtime was restarted and its issuer has a new key: take a new token.
			this.issuer.forget();
			response = send(this.issuer.commune(commune).orElseThrow(), "POST", "/api/v1/progress", body);
		}
		return response;
	}

	/**
	 * Any call through the gateway as the provisioning system; a JSON body when one is
	 * given.
	 */
	HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = send(this.issuer.provisioning(), method, path, body);
		if (response.statusCode() == 401) {
			// The runtime was restarted and its issuer has a new key: take a new token.
			this.issuer.forget();
			response = send(this.issuer.provisioning(), method, path, body);
		}
		return response;
	}

	/** Any call through the gateway with the given token (none when null). */
	HttpResponse<String> send(String token, String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.gateway + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		HttpRequest request = builder.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** A GET that must answer 200, read as JSON. */
	JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", path, null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
		}
		return json.readTree(response.body());
	}

	Totals totals(String unitCode) throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", "/api/v1/totals/" + unitCode, null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"totals of " + unitCode + ": " + response.statusCode() + " " + response.body());
		}
		JsonNode node = json.readTree(response.body());
		JsonNode quantities = node.path("quantities");
		return new Totals(node.path("events").asLong(), node.path("budgetSpentVnd").asLong(),
				quantities.path("broadcasts").asLong(), quantities.path("minutes").asLong());
	}

	static JsonNode parse(String body) {
		return json.readTree(body);
	}

	/** The figures these tests post: counts of radio broadcasts and their minutes. */
	record Totals(long events, long budgetSpentVnd, long broadcasts, long minutes) {

		Totals minus(Totals other) {
			return new Totals(this.events - other.events, this.budgetSpentVnd - other.budgetSpentVnd,
					this.broadcasts - other.broadcasts, this.minutes - other.minutes);
		}

		Totals plus(Totals other) {
			return new Totals(this.events + other.events, this.budgetSpentVnd + other.budgetSpentVnd,
					this.broadcasts + other.broadcasts, this.minutes + other.minutes);
		}

	}

}
