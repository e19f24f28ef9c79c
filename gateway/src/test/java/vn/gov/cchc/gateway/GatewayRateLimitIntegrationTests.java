package vn.gov.cchc.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each client's rate at the gateway: a commune system that floods gets 429 with
 * {@code Retry-After} for what is over its allowance, while another commune sending at
 * the same time is answered every time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cchc.gateway.rate-limit.per-second=0.1", "cchc.gateway.rate-limit.burst=5",
				"cchc.gateway.rate-limit.clients.commune-09191.per-second=0.5",
				"cchc.gateway.rate-limit.clients.commune-09191.burst=2",
				"cchc.gateway.rate-limit.clients.commune-09193.per-second=50",
				"cchc.gateway.rate-limit.clients.commune-09193.burst=50" })
class GatewayRateLimitIntegrationTests {

	private static final WireMockServer plan = new WireMockServer(options().dynamicPort());

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		plan.start();
		plan.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"results\":[]}")));
		registry.add("PLAN_SERVICE_URL", plan::baseUrl);
	}

	@AfterAll
	static void stopBackend() {
		plan.stop();
	}

	@Test
	void aClientOverItsRateGets429WithRetryAfterWhileAnotherIsAnsweredEveryTime() throws Exception {
		String flooding = TestTokens.of("commune-09190", "09190", "machine");
		String steady = TestTokens.of("commune-09193", "09193", "machine");

		List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
		List<HttpResponse<String>> others = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			flood.add(this.http.sendAsync(batch(flooding), BodyHandlers.ofString()));
			if (i % 3 == 0) {
				others.add(this.http.send(batch(steady), BodyHandlers.ofString()));
			}
		}
		List<HttpResponse<String>> flooded = flood.stream().map(CompletableFuture::join).toList();

		List<HttpResponse<String>> limited = flooded.stream()
			.filter((response) -> response.statusCode() == 429)
			.toList();
		// 5 at once, then one every 10 s: a slow machine may let one or two more through.
		assertThat(flooded).filteredOn((response) -> response.statusCode() == 200).hasSizeBetween(5, 8);
		assertThat(limited).hasSizeGreaterThanOrEqualTo(22).allSatisfy((response) -> {
			assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 10L);
			assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
			assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
			JsonNode problem = json.readTree(response.body());
			assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/rate-limited");
			assertThat(problem.get("status").asInt()).isEqualTo(429);
			assertThat(problem.get("detail").asString()).contains("commune-09190", "gửi lại sau");
		});
		assertThat(others).hasSize(10).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
		assertThat(plan.findAll(postRequestedFor(urlEqualTo("/api/v1/progress:batch")).withHeader("Authorization",
				equalTo(TestTokens.bearer(flooding)))))
			.hasSize(flooded.size() - limited.size());
	}

	@Test
	void aLimitedClientIsLetBackInOnceItWaitsAsTold() throws Exception {
		String token = TestTokens.of("commune-09191", "09191", "machine");
		HttpResponse<String> last = null;
		for (int i = 0; i < 10 && (last == null || last.statusCode() != 429); i++) {
			last = this.http.send(batch(token), BodyHandlers.ofString());
		}
		assertThat(last.statusCode()).isEqualTo(429);

		Thread.sleep(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) * 1000);

		assertThat(this.http.send(batch(token), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	private HttpRequest batch(String token) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/progress:batch"))
			.header("Content-Type", "application/json")
			.header("Authorization", TestTokens.bearer(token))
			.POST(BodyPublishers.ofString("[]"))
			.build();
	}

}
