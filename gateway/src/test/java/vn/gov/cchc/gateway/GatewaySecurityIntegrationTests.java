package vn.gov.cchc.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.testing.TestTokens;

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
 * Who passes the gateway: tokens, the role rules per path (the coarse half; the services
 * check units), the dashboard's login redirect, CORS and security headers, in front of
 * WireMock servers standing in for the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cchc.gateway.cors.allowed-origins=https://bacninh.gov.vn",
				"CCHC_AUTHORIZATION_URI=http://issuer.example/oauth2/authorize" })
class GatewaySecurityIntegrationTests {

	private static final WireMockServer plan = backend();

	private static final WireMockServer report = backend();

	private static final WireMockServer notification = backend();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("PLAN_SERVICE_URL", plan::baseUrl);
		registry.add("REPORT_SERVICE_URL", report::baseUrl);
		registry.add("NOTIFICATION_SERVICE_URL", notification::baseUrl);
	}

	@AfterAll
	static void stopBackends() {
		List.of(plan, report, notification).forEach(WireMockServer::stop);
	}

	@BeforeEach
	void answerEveryRequest() {
		for (WireMockServer backend : List.of(plan, report, notification)) {
			backend.resetAll();
			backend.stubFor(any(anyUrl())
				.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		}
	}

	@Test
	void aRequestWithoutTokenGets401WithTheBearerChallengeAndReachesNoService() throws Exception {
		HttpResponse<String> response = send(request("/api/v1/totals/27").GET());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		JsonNode problem = problem(response);
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/unauthenticated");
		assertThat(problem.get("title").asString()).isEqualTo("Chưa xác thực");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Authorization");
		assertNothingReachedAnyService();
	}

	@Test
	void expiredForgedAndForeignTokensGet401() throws Exception {
		String expired = TestTokens.builder("vuninh.canbo", "09190", "officer")
			.expiredFor(Duration.ofMinutes(1))
			.sign();
		String foreign = TestTokens.builder("vuninh.canbo", "09190", "officer").issuer("https://other.example").sign();
		String valid = TestTokens.officer("09190");
		String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
		for (String token : List.of(expired, foreign, forged)) {
			HttpResponse<String> response = send(request("/api/v1/totals/09190").GET(), token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
			assertThat(problem(response).get("detail").asString()).contains("hết hạn");
		}
		assertNothingReachedAnyService();
	}

	@ParameterizedTest(name = "{0} {1} as {2} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			POST | /api/v1/progress:batch                         | machine  | 200
			POST | /api/v1/progress                               | machine  | 200
			POST | /api/v1/progress/e-1:retract                   | machine  | 200
			GET  | /api/v1/totals/09190                           | machine  | 403
			GET  | /api/v1/units                                  | machine  | 403
			GET  | /api/v1/submissions?plan=p                     | machine  | 403
			GET  | /api/v1/contacts/09190                         | machine  | 403
			GET  | /api/v1/totals/09190                           | officer  | 200
			POST | /api/v1/progress                               | officer  | 200
			PUT  | /api/v1/submissions/s-1/narrative              | officer  | 200
			POST | /api/v1/submissions/s-1:submit                 | officer  | 200
			PUT  | /api/v1/units                                  | officer  | 403
			POST | /api/v1/units:merge                            | officer  | 403
			POST | /api/v1/units/09190:move                       | officer  | 403
			PUT  | /api/v1/plans/27-2022-22-KH-UBND               | officer  | 403
			POST | /api/v1/plans/27-2022-22-KH-UBND:issue         | officer  | 403
			POST | /api/v1/admin/periods:open                     | officer  | 403
			POST | /api/v1/submissions/s-1:approve                | reviewer | 200
			PUT  | /api/v1/submissions/s-1/narrative              | reviewer | 403
			POST | /api/v1/progress                               | reviewer | 403
			GET  | /api/v1/reporting-rates?plan=p&period=2022-H1  | reviewer | 200
			PUT  | /api/v1/units                                  | admin    | 200
			POST | /api/v1/plans/27-2022-22-KH-UBND:issue         | admin    | 200
			POST | /api/v1/admin/totals:rebuild                   | admin    | 200
			POST | /api/v1/progress                               | admin    | 403
			POST | /api/v1/submissions/s-1:approve                | admin    | 403
			""")
	void rolesPassOnlyThePathsTheirRoleMayUse(String method, String path, String role, int status) throws Exception {
		String token = switch (role) {
			case "machine" -> TestTokens.machine("09190");
			case "officer" -> TestTokens.officer("09190");
			case "reviewer" -> TestTokens.reviewer("27-SNV");
			default -> TestTokens.admin("27");
		};

		HttpResponse<String> response = send(request(path).method(method, BodyPublishers.ofString("{}")), token);

		assertThat(response.statusCode()).isEqualTo(status);
		if (status == 403) {
			assertThat(problem(response).get("title").asString()).isEqualTo("Không có quyền");
			assertNothingReachedAnyService();
		}
		else {
			List<LoggedRequest> received = List.of(plan, report, notification)
				.stream()
				.flatMap((backend) -> backend.findAll(anyRequestedFor(anyUrl())).stream())
				.toList();
			assertThat(received).singleElement()
				.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + token));
		}
	}

	@Test
	void dropsTheOldActorHeadersACallerSends() throws Exception {
		HttpResponse<String> response = send(request("/api/v1/submissions/s-1:approve").header("X-CCHC-User", "gia-mao")
			.header("X-CCHC-Unit", "27-SNV")
			.POST(BodyPublishers.ofString("{}")), TestTokens.officer("09190"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(report.findAll(anyRequestedFor(anyUrl()))).singleElement().satisfies((request) -> {
			assertThat(request.containsHeader("X-CCHC-User")).isFalse();
			assertThat(request.containsHeader("X-CCHC-Unit")).isFalse();
		});
	}

	@Test
	void tellsTheCallerWhoTheTokenSaysTheyAre() throws Exception {
		String token = TestTokens.builder("snv.thamdinh", "27-SNV", "reviewer").name("Trần Văn Bình").sign();

		HttpResponse<String> response = send(request("/api/v1/me").GET(), token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = json.readTree(response.body());
		assertThat(me.get("user").asString()).isEqualTo("snv.thamdinh");
		assertThat(me.get("name").asString()).isEqualTo("Trần Văn Bình");
		assertThat(me.get("unit").asString()).isEqualTo("27-SNV");
		assertThat(me.get("roles").get(0).asString()).isEqualTo("reviewer");
		assertThat(send(request("/api/v1/me").GET()).statusCode()).isEqualTo(401);
	}

	@Test
	void sendsABrowserWithoutLoginToTheIssuersLoginPage() throws Exception {
		HttpResponse<String> page = send(request("/dashboard/").header("Accept", "text/html").GET());

		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValue("/oauth2/authorization/cchc");

		HttpResponse<String> login = send(request("/oauth2/authorization/cchc").GET());
		assertThat(login.statusCode()).isEqualTo(302);
		URI issuer = URI.create(login.headers().firstValue("Location").orElseThrow());
		assertThat(issuer.getHost()).isEqualTo("issuer.example");
		assertThat(issuer.getPath()).isEqualTo("/oauth2/authorize");
		assertThat(issuer.getQuery()).contains("client_id=cchc-dashboard", "response_type=code", "scope=openid profile",
				"redirect_uri=http://localhost:" + this.port + "/login/oauth2/code/cchc");
	}

	@Test
	void leavesTheDocumentsAndProbesOpen() throws Exception {
		assertThat(send(request("/asyncapi.json").GET()).statusCode()).isEqualTo(200);
		assertThat(send(request("/schemas/progress-recorded.v1.json").GET()).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/health/readiness").GET()).statusCode()).isEqualTo(200);
		assertThat(send(request("/v3/api-docs/plan").GET()).statusCode()).isEqualTo(200);
	}

	@Test
	void setsSecurityHeadersOnEveryAnswer() throws Exception {
		for (HttpResponse<String> response : List.of(send(request("/api/v1/totals/09190").GET()),
				send(request("/api/v1/totals/09190").GET(), TestTokens.officer("09190")))) {
			Map<String, List<String>> headers = response.headers().map();
			assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");
			assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
			assertThat(headers.get("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
			assertThat(headers.get("Content-Security-Policy").get(0)).contains("default-src 'self'",
					"frame-ancestors 'none'");
		}
	}

	@Test
	void answersCorsPreflightsOfTheListedOriginOnly() throws Exception {
		HttpResponse<String> allowed = send(preflight("https://bacninh.gov.vn"));
		HttpResponse<String> other = send(preflight("https://evil.example"));

		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://bacninh.gov.vn");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("authorization");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertNothingReachedAnyService();
	}

	private HttpRequest.Builder preflight(String origin) {
		return request("/api/v1/progress:batch").header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.method("OPTIONS", BodyPublishers.noBody());
	}

	private static JsonNode problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		return json.readTree(response.body());
	}

	private static void assertNothingReachedAnyService() {
		for (WireMockServer backend : List.of(plan, report, notification)) {
			assertThat(backend.getAllServeEvents()).isEmpty();
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String token)
			throws IOException, InterruptedException {
		return send(request.header("Authorization", TestTokens.bearer(token)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private static WireMockServer backend() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		return server;
	}

}
