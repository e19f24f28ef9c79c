package vn.gov.cchc.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library in a small servlet service of its own: every way a request can fail is a
 * problem of the one vocabulary, naming the field at fault.
 */
@SpringBootTest(classes = PlatformWebTests.Service.class, properties = "cchc.web.max-body-bytes=256")
@AutoConfigureMockMvc
class PlatformWebTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aFeaturesProblemIsAnsweredAsThrownWithTheRequestPathAsInstance() {
		MvcTestResult result = this.mvc.get().uri("/plans/{id}", "KH-1").exchange();
		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://cchc.gov.vn/problems/plan-closed");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Kế hoạch đã kết thúc");
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(409);
		assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/plans/KH-1");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("planId");
	}

	@Test
	void unreadableJsonNamesThePathOfTheValueAtFault() {
		MvcTestResult wrongType = post("/plans",
				"{\"title\": \"Kế hoạch\", \"activities\": [{\"budgetVnd\": \"nhiều\"}]}");
		assertThat(wrongType).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(wrongType).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/malformed-request");
		assertThat(wrongType).bodyJson().extractingPath("$.errors[0].field").isEqualTo("activities[0].budgetVnd");

		MvcTestResult syntax = post("/plans", "{\"title\": \"Kế hoạch\", \"activities\": [{\"budgetVnd\": 1,}]}");
		assertThat(syntax).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/malformed-request");
		assertThat(syntax).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("JSON sai cú pháp");
	}

	@Test
	void beanValidationOfABodyNamesEachFieldByItsJsonPath() {
		MvcTestResult result = post("/plans", "{\"title\": \" \", \"activities\": [{\"budgetVnd\": -1}]}");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/invalid-request");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Dữ liệu không hợp lệ");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("title", "activities[0].budgetVnd");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].message")
			.asArray()
			.contains("Tiêu đề không được để trống.");
	}

	@Test
	void parametersThatAreMissingMalformedOrBreakTheirConstraintsAreNamed() {
		MvcTestResult missing = this.mvc.get().uri("/figures").exchange();
		assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(missing).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");

		MvcTestResult notADate = this.mvc.get().uri("/figures?from=hôm-qua").exchange();
		assertThat(notADate).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(notADate).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
		assertThat(notADate).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Phải là một ngày có thật dạng \"YYYY-MM-DD\".");

		MvcTestResult badCode = this.mvc.get().uri("/units/{code}", "x y").exchange();
		assertThat(badCode).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(badCode).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/invalid-request");
		assertThat(badCode).bodyJson().extractingPath("$.errors[0].field").isEqualTo("unitCode");
		assertThat(badCode).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("Mã đơn vị không đúng định dạng.");
	}

	@Test
	void whatSpringMvcRefusesItselfIsAProblemToo() {
		MvcTestResult unknown = this.mvc.get().uri("/nothing-here").exchange();
		assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(unknown).bodyJson().extractingPath("$.type").isEqualTo("https://cchc.gov.vn/problems/not-found");
		assertThat(unknown).bodyJson().extractingPath("$.title").isEqualTo("Không tìm thấy tài nguyên");
		assertThat(unknown).bodyJson().extractingPath("$.errors").asArray().isEmpty();

		MvcTestResult wrongMethod = this.mvc.delete().uri("/figures").exchange();
		assertThat(wrongMethod).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(wrongMethod).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/method-not-allowed");

		MvcTestResult text = this.mvc.post().uri("/plans").contentType(MediaType.TEXT_PLAIN).content("x").exchange();
		assertThat(text).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(text).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/unsupported-media-type");
	}

	@Test
	void aBodyOverTheCapIsRefusedNamingTheBody() {
		MvcTestResult result = post("/plans", "{\"title\": \"" + "a".repeat(300) + "\", \"activities\": []}");
		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/payload-too-large");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
	}

	@Test
	void theStoreAwayIsA503WithRetryAfterAndAnythingElseA500WithoutInternals() throws Exception {
		MvcTestResult away = this.mvc.get().uri("/store").exchange();
		assertThat(away).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasHeader("Retry-After", "5");
		assertThat(away).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/store-unavailable");
		assertThat(away).bodyJson().extractingPath("$.title").isEqualTo("Dịch vụ tạm thời không sẵn sàng");

		MvcTestResult broken = this.mvc.get().uri("/broken").exchange();
		assertThat(broken).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(broken).bodyJson().extractingPath("$.type").isEqualTo("https://cchc.gov.vn/problems/internal-error");
		assertThat(broken.getResponse().getContentAsString()).doesNotContain("IllegalStateException", "Bí mật");
	}

	private MvcTestResult post(String path, String json) {
		return this.mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	record Activity(@Min(value = 0, message = "Kinh phí không được âm.") long budgetVnd) {
	}

	record PlanRequest(@NotBlank(message = "Tiêu đề không được để trống.") String title,
			List<@Valid Activity> activities) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Service {

		@Bean
		Endpoints endpoints() {
			return new Endpoints();
		}

		/**
		 * A filter that fails outside the dispatcher, where no controller advice runs.
		 */
		@Bean
		FilterRegistrationBean<Filter> failingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				throw new IllegalStateException("Bí mật của bộ lọc");
			});
			registration.addUrlPatterns("/filter-fails");
			return registration;
		}

	}

	@RestController
	static class Endpoints {

		@GetMapping("/plans/{planId}")
		String plan(@PathVariable String planId) {
			throw new ProblemException(Problems.conflict("plan-closed", "Kế hoạch đã kết thúc",
					"Kế hoạch " + planId + " đã kết thúc.", List.of(new FieldError("planId", "Đã kết thúc."))));
		}

		@PostMapping("/plans")
		String create(@Valid @RequestBody PlanRequest plan) {
			return plan.title();
		}

		@PutMapping("/plans/{planId}")
		String replace(@PathVariable String planId, @Valid @RequestBody PlanRequest plan) {
			return planId + plan.title();
		}

		@GetMapping("/figures")
		String figures(@RequestParam LocalDate from) {
			return from.toString();
		}

		@GetMapping("/units/{unitCode}")
		String unit(@PathVariable @Pattern(regexp = "[0-9A-Z.-]{1,32}",
				message = "Mã đơn vị không đúng định dạng.") String unitCode) {
			return unitCode;
		}

		@GetMapping("/store")
		String store() {
			throw new DataAccessResourceFailureException("Timed out after 30000 ms");
		}

		@GetMapping("/broken")
		String broken() {
			throw new IllegalStateException("Bí mật của máy chủ");
		}

	}

}
