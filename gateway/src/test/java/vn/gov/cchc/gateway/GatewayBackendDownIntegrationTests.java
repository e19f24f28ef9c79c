package vn.gov.cchc.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.gov.cchc.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with every service down: nothing listens where the routes point.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBackendDownIntegrationTests {

	private static final String NOBODY_LISTENING = "http://127.0.0.1:" + closedPort();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("PLAN_SERVICE_URL", () -> NOBODY_LISTENING);
		registry.add("REPORT_SERVICE_URL", () -> NOBODY_LISTENING);
		registry.add("NOTIFICATION_SERVICE_URL", () -> NOBODY_LISTENING);
	}

	@ParameterizedTest(name = "{0} {1} -> {2} down")
	@CsvSource({ "POST, /api/v1/progress, plan-service", "GET, /api/v1/units/09190, plan-service",
			"GET, /api/v1/totals/256, report-service", "GET, /api/v1/contacts/09190, notification-service" })
	void answersAServiceUnavailableProblemWhenTheServiceIsDown(String method, String path, String service)
			throws Exception {
		double before = this.meters.counter("cchc.gateway.rejected", "reason", "backend-unavailable").count();

		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", TestTokens.bearer(GatewayRoutingIntegrationTests.OPERATOR))
			.header("X-Correlation-Id", "down-1")
			.method(method,
					method.equals("GET") ? BodyPublishers.noBody() : BodyPublishers.ofString("{\"eventId\":\"e1\"}"))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("down-1");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/service-unavailable");
		assertThat(problem.get("title").asString()).isEqualTo("Dịch vụ tạm thời không sẵn sàng");
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("detail").asString()).contains(service);
		assertThat(problem.get("instance").asString()).isEqualTo(path);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at ");
		assertThat(this.meters.counter("cchc.gateway.rejected", "reason", "backend-unavailable").count())
			.isEqualTo(before + 1);
	}

	/** A port that was free a moment ago and that nothing listens on now. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
