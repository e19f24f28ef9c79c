package vn.gov.cchc.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.cchc.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway running on a random port in front of three WireMock servers standing in for
 * plan-service, report-service and notification-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIntegrationTests {

	private static final int MIB = 1024 * 1024;

	private static final WireMockServer plan = backend();

	private static final WireMockServer report = backend();

	private static final WireMockServer notification = backend();

	private static final Map<String, WireMockServer> backends = Map.of("plan-service", plan, "report-service", report,
			"notification-service", notification);

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Passes every role rule of the gateway; the services check units, and here they are
	 * WireMock.
	 */
	static final String OPERATOR = TestTokens.of("operator", "27", "officer", "reviewer", "admin");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("PLAN_SERVICE_URL", plan::baseUrl);
		registry.add("REPORT_SERVICE_URL", report::baseUrl);
		registry.add("NOTIFICATION_SERVICE_URL", notification::baseUrl);
	}

	@AfterAll
	static void stopBackends() {
		backends.values().forEach(WireMockServer::stop);
	}

	@BeforeEach
	void answerEveryRequest() {
		backends.forEach((name, backend) -> {
			backend.resetAll();
			backend.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"answeredBy\":\"" + name + "\"}")));
		});
	}

	static Stream<Arguments> routes() {
		return Stream.of(
				Arguments.of("POST", "/api/v1/progress",
						"{\"eventId\":\"9f1c2b1e\",\"unitCode\":\"09190\",\"note\":\"Phát thanh 15 phút\"}",
						"plan-service", "/api/v1/progress"),
				Arguments.of("PUT", "/api/v1/units", "[{\"code\":\"09190\",\"name\":\"Phường Vũ Ninh\"}]",
						"plan-service", "/api/v1/units"),
				Arguments.of("GET", "/api/v1/units", "", "plan-service", "/api/v1/units"),
				Arguments.of("GET", "/api/v1/units/09190", "", "plan-service", "/api/v1/units/09190"),
				Arguments.of("GET", "/api/v1/units?on=2025-07-01", "", "plan-service", "/api/v1/units?on=2025-07-01"),
				Arguments.of("POST", "/api/v1/units:merge", "{\"successor\":{\"code\":\"27.KB\"}}", "plan-service",
						"/api/v1/units:merge"),
				Arguments.of("POST", "/api/v1/units:import", "code,name\n09190,Phường Vũ Ninh\n", "plan-service",
						"/api/v1/units:import"),
				Arguments.of("POST", "/api/v1/progress:batch", "[{\"eventId\":\"b1\"}]", "plan-service",
						"/api/v1/progress:batch"),
				Arguments.of("GET", "/api/v1/plans?issuer=27&year=2022", "", "plan-service",
						"/api/v1/plans?issuer=27&year=2022"),
				Arguments.of("PUT", "/api/v1/plans/27-2022-22-KH-UBND", "{\"number\":\"22/KH-UBND\"}", "plan-service",
						"/api/v1/plans/27-2022-22-KH-UBND"),
				Arguments.of("POST", "/api/v1/plans/27-2022-22-KH-UBND:issue", "{\"issuedOn\":\"2022-01-18\"}",
						"plan-service", "/api/v1/plans/27-2022-22-KH-UBND:issue"),
				Arguments.of("GET", "/api/v1/totals/256?from=2025-01-01&to=2025-06-30", "", "report-service",
						"/api/v1/totals/256?from=2025-01-01&to=2025-06-30"),
				Arguments.of("GET", "/api/v1/figures/256?plan=27-2022-22-KH-UBND&from=2022-01-01&to=2022-06-30", "",
						"report-service", "/api/v1/figures/256?plan=27-2022-22-KH-UBND&from=2022-01-01&to=2022-06-30"),
				Arguments.of("POST", "/api/v1/submissions/27-2022-22-KH-UBND:2022-H1:09190:submit", "",
						"report-service", "/api/v1/submissions/27-2022-22-KH-UBND:2022-H1:09190:submit"),
				Arguments.of("GET", "/api/v1/reporting-rates?plan=27-2022-22-KH-UBND&period=2022-H1", "",
						"report-service", "/api/v1/reporting-rates?plan=27-2022-22-KH-UBND&period=2022-H1"),
				Arguments.of("PUT", "/api/v1/indexes/58/SIPAS/2023", "{\"value\":89.7}", "report-service",
						"/api/v1/indexes/58/SIPAS/2023"),
				Arguments.of("GET", "/api/v1/dashboard/27/overview?plan=27-2022-22-KH-UBND&period=2022-Y", "",
						"report-service", "/api/v1/dashboard/27/overview?plan=27-2022-22-KH-UBND&period=2022-Y"),
				Arguments.of("GET", "/api/v1/contacts/09190", "", "notification-service", "/api/v1/contacts/09190"),
				Arguments.of("GET", "/api/v1/deliveries?unit=09190&channel=SMS", "", "notification-service",
						"/api/v1/deliveries?unit=09190&channel=SMS"),
				Arguments.of("GET", "/api/v1/deliveries/d-1f0e", "", "notification-service",
						"/api/v1/deliveries/d-1f0e"),
				Arguments.of("GET", "/api/v1/reminders?unit=09190", "", "notification-service",
						"/api/v1/reminders?unit=09190"),
				Arguments.of("GET", "/v3/api-docs/plan", "", "plan-service", "/v3/api-docs"),
				Arguments.of("GET", "/v3/api-docs/report", "", "report-service", "/v3/api-docs"),
				Arguments.of("GET", "/v3/api-docs/notification", "", "notification-service", "/v3/api-docs"));
	}

	@ParameterizedTest(name = "{0} {1} -> {3}")
	@MethodSource("routes")
	void routesEachPathToItsServiceWithPathAndBodyIntact(String method, String path, String body, String service,
			String backendUrl) throws Exception {
		HttpResponse<String> response = send(request(path).method(method,
				body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("answeredBy").asString()).isEqualTo(service);
		List<LoggedRequest> received = backends.get(service).findAll(anyRequestedFor(anyUrl()));
		assertThat(received).singleElement().satisfies((request) -> {
			assertThat(request.getMethod().value()).isEqualTo(method);
			assertThat(request.getUrl()).isEqualTo(backendUrl);
			assertThat(request.getBodyAsString()).isEqualTo(body);
		});
		backends.forEach((name, backend) -> {
			if (!name.equals(service)) {
				assertThat(backend.getAllServeEvents()).as("requests reaching %s", name).isEmpty();
			}
		});
	}

	@Test
	void servesTheAsyncApiDocumentOfTheTopicsAndTheSchemasItNames() throws Exception {
		HttpResponse<String> document = send(request("/asyncapi.json").GET());
		HttpResponse<String> schema = send(request("/schemas/reminder-sent.v1.json").GET());

		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(document.body()).contains("\"asyncapi\": \"3.0.0\"", "\"address\": \"cchc.notifications\"",
				"\"$ref\": \"schemas/reminder-sent.v1.json\"");
		assertThat(schema.statusCode()).isEqualTo(200);
		assertThat(schema.body()).contains("ReminderSent v1");
	}

	@Test
	void passesTheCallersCorrelationIdToTheServiceAndBack() throws Exception {
		HttpResponse<String> response = send(
				request("/api/v1/units/09190").header("X-Correlation-Id", "bac-ninh-2025.07:0042").GET());

		assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("bac-ninh-2025.07:0042");
		assertThat(plan.findAll(anyRequestedFor(anyUrl()))).singleElement()
			.satisfies(
					(request) -> assertThat(request.getHeader("X-Correlation-Id")).isEqualTo("bac-ninh-2025.07:0042"));
	}

	@Test
	void makesACorrelationIdWhenTheCallerSendsNone() throws Exception {
		HttpResponse<String> response = send(request("/api/v1/contacts/09190").GET());

		String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(UUID.fromString(id)).hasToString(id);
		assertThat(notification.findAll(anyRequestedFor(anyUrl()))).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("X-Correlation-Id")).isEqualTo(id));
	}

	@Test
	void replacesACorrelationIdThatCouldForgeALogLine() throws Exception {
		HttpResponse<String> response = send(
				request("/api/v1/totals/256").header("X-Correlation-Id", "x\" level=ERROR msg=forged").GET());

		String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(UUID.fromString(id)).hasToString(id);
		assertThat(report.findAll(anyRequestedFor(anyUrl()))).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("X-Correlation-Id")).isEqualTo(id));
	}

	@Test
	void forwardsABodyOfExactlyTheLimit() throws Exception {
		byte[] body = filled(MIB);

		HttpResponse<String> response = send(request("/api/v1/progress").POST(BodyPublishers.ofByteArray(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(plan.findAll(anyRequestedFor(anyUrl()))).singleElement()
			.satisfies((request) -> assertThat(request.getBody()).isEqualTo(body));
	}

	@Test
	void forwardsAChunkedBodyUnderTheLimitIntact() throws Exception {
		byte[] body = filled(MIB - 1);

		HttpResponse<String> response = send(request("/api/v1/units").PUT(chunked(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(plan.findAll(anyRequestedFor(anyUrl()))).singleElement()
			.satisfies((request) -> assertThat(request.getBody()).isEqualTo(body));
	}

	@Test
	void refusesA10MbBodyByItsContentLengthWithoutReachingTheService() throws Exception {
		double before = rejected("body-too-large");

		HttpResponse<String> response = send(request("/api/v1/progress").header("X-Correlation-Id", "too-big-1")
			.POST(BodyPublishers.ofByteArray(filled(10 * MIB))));

		assertBodyTooLarge(response, "/api/v1/progress");
		assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("too-big-1");
		assertThat(rejected("body-too-large")).isEqualTo(before + 1);
		assertNothingReachedAnyService();
	}

	@Test
	void forwardsA2MbBodyOnABulkPath() throws Exception {
		byte[] body = filled(2 * MIB);

		HttpResponse<String> response = send(request("/api/v1/units:import").POST(chunked(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(plan.findAll(anyRequestedFor(anyUrl()))).singleElement()
			.satisfies((request) -> assertThat(request.getBody()).isEqualTo(body));
	}

	@Test
	void refusesA17MbBodyOnABulkPathWithTheBulkLimitNamed() throws Exception {
		HttpResponse<String> response = send(
				request("/api/v1/progress:batch").POST(BodyPublishers.ofByteArray(filled(17 * MIB))));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(json.readTree(response.body()).get("detail").asString()).contains(String.valueOf(16 * MIB));
		assertNothingReachedAnyService();
	}

	@Test
	void refusesAChunked2MbBodyWithoutReachingTheService() throws Exception {
		double before = rejected("body-too-large");

		HttpResponse<String> response = send(request("/api/v1/units").PUT(chunked(filled(2 * MIB))));

		assertBodyTooLarge(response, "/api/v1/units");
		assertThat(rejected("body-too-large")).isEqualTo(before + 1);
		assertNothingReachedAnyService();
	}

	@Test
	void answersAProblemForAPathNoServiceServes() throws Exception {
		HttpResponse<String> response = send(request("/api/v1/nothing-here").GET());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/not-found");
		assertThat(problem.get("title").asString()).isEqualTo("Không tìm thấy tài nguyên");
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/nothing-here");
		assertThat(problem.get("errors").isArray()).isTrue();
		assertNothingReachedAnyService();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/totals/09190%00", "/api/v1/totals/09190%2F1", "/api/v1/totals/09190%251",
			"/api/v1/totals/09190%2E%2E" })
	void answersAProblemNamingThePathForWhatItsFirewallRefuses(String path) throws Exception {
		double before = rejected("firewall");

		HttpResponse<String> response = send(request(path).GET());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/malformed-request");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("path");
		assertThat(rejected("firewall")).isEqualTo(before + 1);
		assertNothingReachedAnyService();
	}

	@Test
	void answersHealthProbesAndCountsRejectionsForPrometheus() throws Exception {
		assertThat(send(request("/actuator/health/liveness").GET()).body()).contains("\"status\":\"UP\"");
		assertThat(send(request("/actuator/health/readiness").GET()).body()).contains("\"status\":\"UP\"");

		send(request("/api/v2/unknown").GET());

		HttpResponse<String> metrics = send(request("/actuator/prometheus").GET());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("cchc_gateway_rejected_total{reason=\"no-route\"}");
		assertNothingReachedAnyService();
	}

	private void assertBodyTooLarge(HttpResponse<String> response, String path) {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/body-too-large");
		assertThat(problem.get("title").asString()).isEqualTo("Nội dung yêu cầu quá lớn");
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("detail").asString()).contains("1048576");
		assertThat(problem.get("instance").asString()).isEqualTo(path);
		assertThat(problem.get("errors")).hasSize(1);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
	}

	private static void assertNothingReachedAnyService() {
		backends.forEach(
				(name, backend) -> assertThat(backend.getAllServeEvents()).as("requests reaching %s", name).isEmpty());
	}

	private double rejected(String reason) {
		return this.meters.counter("cchc.gateway.rejected", "reason", reason).count();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", TestTokens.bearer(OPERATOR));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A body of unknown length, which the client sends with chunked transfer coding. */
	private static BodyPublisher chunked(byte[] body) {
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

	private static byte[] filled(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) 'x');
		return body;
	}

	private static WireMockServer backend() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		return server;
	}

}
