package vn.gov.cchc.plan;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and client developers rely on besides the API itself.
 */
class OperabilityIntegrationTests extends PlanServiceIntegrationTest {

	@Test
	void reportsLivenessAndReadinessSeparately() {
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
		assertThat(this.mvc.get().uri("/actuator/health/readiness")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void tellsWhichBuildIsRunning() {
		assertThat(this.mvc.get().uri("/actuator/info")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.build.artifact")
			.isEqualTo("plan-service");
	}

	@Test
	void exposesItsOwnCountersToPrometheus() {
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("cchc_ingest_accepted_total")
			.contains("cchc_ingest_duplicates_total")
			.contains("cchc_units_published_total");
	}

	@Test
	void describesItsApiInOpenApi() {
		assertThat(this.mvc.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/v1/progress", "/api/v1/units", "/api/v1/units/{code}");
	}

}
