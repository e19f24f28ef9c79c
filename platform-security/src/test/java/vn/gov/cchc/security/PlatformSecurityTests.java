package vn.gov.cchc.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library in a small service of its own: real JWT validation against the tests'
 * issuer key, the roles and scopes, and the problem answers.
 */
@SpringBootTest(classes = PlatformSecurityTests.Service.class)
@AutoConfigureMockMvc
class PlatformSecurityTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aRequestWithoutTokenGets401ProblemWithBearerChallenge() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/figures/09190").exchange();
		assertThat(result).hasStatus(401);
		assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Chưa xác thực");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("Authorization");
	}

	@Test
	void expiredForeignAndUnitlessTokensGet401() {
		String expired = TestTokens.builder("vuninh.canbo", "09190", "officer")
			.expiredFor(Duration.ofMinutes(5))
			.sign();
		String foreign = TestTokens.builder("vuninh.canbo", "09190", "officer").issuer("https://elsewhere.test").sign();
		String unitless = TestTokens.builder("vuninh.canbo", " ", "officer").sign();
		for (String token : List.of(expired, foreign, unitless, "not-a-jwt")) {
			MvcTestResult result = get("/api/v1/figures/09190", token);
			assertThat(result).hasStatus(401);
			assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("không hợp lệ");
		}
	}

	@Test
	void theCallerComesFromTheToken() {
		String token = TestTokens.builder("vuninh.canbo", "09190", "officer").name("Nguyễn Thị Hà").sign();
		MvcTestResult result = get("/api/v1/whoami", token);
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Nguyễn Thị Hà");
		assertThat(result).bodyJson().extractingPath("$.unitCode").isEqualTo("09190");
		assertThat(result).bodyJson().extractingPath("$.roles[0]").isEqualTo("OFFICER");
	}

	@Test
	void officersReadTheirSubtreeReviewersTheProvinceOthersNothing() {
		assertThat(get("/api/v1/figures/09190", TestTokens.officer("09190"))).hasStatusOk();
		assertThat(get("/api/v1/figures/09190", TestTokens.officer("256"))).hasStatusOk();
		assertThat(get("/api/v1/figures/09190", TestTokens.reviewer("27-SNV"))).hasStatusOk();
		assertThat(get("/api/v1/figures/256", TestTokens.admin("27"))).hasStatusOk();
		MvcTestResult sibling = get("/api/v1/figures/09190", TestTokens.officer("09193"));
		assertThat(sibling).hasStatus(403);
		assertThat(sibling).bodyJson().extractingPath("$.errors[0].field").isEqualTo("unitCode");
		assertThat(get("/api/v1/figures/256", TestTokens.officer("09190"))).hasStatus(403);
		assertThat(get("/api/v1/figures/09190", TestTokens.reviewer("58-SNV"))).hasStatus(403);
		assertThat(get("/api/v1/figures/09190", TestTokens.machine("09190"))).hasStatus(403);
	}

	@Test
	void endpointRulesAndWriteScope() {
		assertThat(post("/api/v1/progress/09190", TestTokens.machine("09190"))).hasStatusOk();
		assertThat(post("/api/v1/progress/09190", TestTokens.officer("09190"))).hasStatusOk();
		MvcTestResult foreign = post("/api/v1/progress/09190", TestTokens.machine("09193"));
		assertThat(foreign).hasStatus(403);
		assertThat(foreign).bodyJson().extractingPath("$.detail").asString().contains("chính đơn vị mình");
		MvcTestResult reviewer = post("/api/v1/progress/09190", TestTokens.reviewer("27-SNV"));
		assertThat(reviewer).hasStatus(403);
		assertThat(reviewer).bodyJson().extractingPath("$.title").isEqualTo("Không có quyền");
		assertThat(get("/actuator/health", null)).hasStatusOk();
	}

	@Test
	void theApiDocumentAsksForTheBearerTokenAndNamesTheSecurityAnswersOnEveryOperation() throws Exception {
		MvcTestResult result = get("/v3/api-docs", null);
		assertThat(result).hasStatusOk();
		JsonNode api = JsonMapper.shared().readTree(result.getResponse().getContentAsString());
		assertThat(api.at("/components/securitySchemes/bearer-jwt/scheme").asString()).isEqualTo("bearer");
		assertThat(api.at("/components/securitySchemes/bearer-jwt/bearerFormat").asString()).isEqualTo("JWT");
		assertThat(api.at("/security/0").has("bearer-jwt")).isTrue();
		assertThat(api.at("/components/schemas/ProblemDetail").isObject()).isTrue();
		for (String operation : List.of("/~1api~1v1~1figures~1{unitCode}/get", "/~1api~1v1~1progress~1{unitCode}/post",
				"/~1api~1v1~1whoami/get")) {
			JsonNode docs = api.at("/paths" + operation);
			assertThat(docs.at("/security/0").has("bearer-jwt")).as(operation).isTrue();
			for (String status : List.of("401", "403")) {
				assertThat(docs.at("/responses/" + status + "/description").asString()).as(operation).isNotBlank();
				assertThat(
						docs.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asString())
					.as(operation)
					.isEqualTo("#/components/schemas/ProblemDetail");
			}
			assertThat(docs.path("parameters").findValuesAsString("name")).as(operation).doesNotContain("caller");
		}
		assertThat(api.at("/paths/~1api~1v1~1progress~1{unitCode}/post/responses/403/description").asString())
			.as("an endpoint's own description of its 403")
			.isEqualTo("Chỉ cán bộ hoặc hệ thống của chính đơn vị");
	}

	private MvcTestResult get(String uri, String token) {
		return exchange(HttpMethod.GET, uri, token);
	}

	private MvcTestResult post(String uri, String token) {
		return exchange(HttpMethod.POST, uri, token);
	}

	private MvcTestResult exchange(HttpMethod method, String uri, String token) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.method(method).uri(uri);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
		}
		return request.exchange();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Service {

		/**
		 * Bắc Ninh in 2022: the province, a district, two of its communes, Sở Nội vụ; and
		 * Ninh Thuận.
		 */
		static final Map<String, List<String>> PATHS = Map.of("27", List.of("27"), "27-SNV", List.of("27-SNV", "27"),
				"256", List.of("256", "27"), "09190", List.of("09190", "256", "27"), "09193",
				List.of("09193", "256", "27"), "58", List.of("58"), "58-SNV", List.of("58-SNV", "58"));

		@Bean
		EndpointRules progressRules() {
			return (requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/progress/**")
				.hasAnyRole(Role.OFFICER.name(), Role.MACHINE.name());
		}

		@Bean
		Endpoints endpoints() {
			return new Endpoints();
		}

	}

	@RestController
	static class Endpoints {

		private final UnitPaths paths = (code) -> Service.PATHS.getOrDefault(code, List.of());

		@GetMapping("/api/v1/figures/{unitCode}")
		Map<String, String> figures(Caller caller, @PathVariable String unitCode) {
			ReadScope.of(caller, this.paths).require("unitCode", unitCode);
			return Map.of("unitCode", unitCode);
		}

		@PostMapping("/api/v1/progress/{unitCode}")
		@ApiResponse(responseCode = "403", description = "Chỉ cán bộ hoặc hệ thống của chính đơn vị")
		Map<String, String> progress(Caller caller, @PathVariable String unitCode) {
			WriteScope.require(caller, "unitCode", unitCode);
			return Map.of("unitCode", unitCode);
		}

		@GetMapping("/api/v1/whoami")
		Caller whoami(Caller caller) {
			return caller;
		}

	}

}
