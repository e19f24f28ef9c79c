package vn.gov.cchc.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a commune system or a reviewer does over HTTP, through the gateway only. */
final class GatewayClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gateway;

	GatewayClient(String gateway) {
		this.gateway = gateway;
	}

	HttpResponse<String> postProgress(String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/progress"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Any call through the gateway; a JSON body when one is given. */
	HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(60))
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
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/totals/" + unitCode))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
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
