package vn.gov.cchc.plan.plan;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.cchc.plan.plan.PlanJson.activity;
import static vn.gov.cchc.plan.plan.PlanJson.basis;
import static vn.gov.cchc.plan.plan.PlanJson.cadence;
import static vn.gov.cchc.plan.plan.PlanJson.reporting;
import static vn.gov.cchc.plan.plan.PlanJson.target;

/**
 * Bad plans through the API: each is answered with a problem naming the field, and
 * nothing is stored or published.
 */
class PlanValidationIntegrationTests extends PlanApiIntegrationTest {

	private static final String PROVINCE = "PLV";

	@BeforeEach
	void units() {
		registerUnits(PlanJson.provinceUnits(PROVINCE), PROVINCE, PROVINCE + ".SNV", PROVINCE + ".PTTH");
	}

	static Stream<Arguments> badDrafts() {
		return Stream.of(bad(1, "malformed number", (plan) -> plan.put("number", "số 22"), "number", "invalid-request"),
				bad(2, "title missing", (plan) -> plan.remove("title"), "title", "invalid-request"),
				bad(3, "oversized title", (plan) -> plan.put("title", "Kế hoạch ".repeat(100)), "title",
						"invalid-request"),
				bad(4, "unknown issuer", (plan) -> plan.put("issuerCode", "PLV.NONE"), "issuerCode",
						"invalid-plan-references"),
				bad(5, "period ending before it starts", (plan) -> plan.put("to", "2021-06-30"), "to",
						"invalid-request"),
				bad(6, "period of six years", (plan) -> plan.put("to", "2027-12-31"), "to", "invalid-request"),
				bad(7, "date that does not exist", (plan) -> plan.put("from", "2022-02-30"), "from",
						"malformed-request"),
				bad(8, "unknown parent plan", (plan) -> basis(plan).put("parentPlanId", "PLV-NONE"),
						"basis.parentPlanId", "invalid-plan-references"),
				bad(9, "no content area", (plan) -> plan.putArray("contentAreas"), "contentAreas", "invalid-request"),
				bad(10, "content area outside the seven", (plan) -> plan.putArray("contentAreas").add("SPORTS"),
						"contentAreas[0]", "malformed-request"),
				bad(11, "duplicate activity id", (plan) -> activity(plan, 1).put("activityId", "HD01"),
						"activities[1].activityId", "invalid-request"),
				bad(12, "lead kind outside the kinds of unit",
						(plan) -> activity(plan, 1).putArray("leadUnitKinds").add("VILLAGE"),
						"activities[1].leadUnitKinds[0]", "malformed-request"),
				bad(13, "unknown coordinating unit",
						(plan) -> activity(plan, 0).putArray("coordinatingUnitCodes").add("PLV.NONE"),
						"activities[0].coordinatingUnitCodes[0]", "invalid-plan-references"),
				bad(14, "unknown activity form", (plan) -> activity(plan, 0).put("form", "PODCAST"),
						"activities[0].form", "malformed-request"),
				bad(15, "metric with an operator", (plan) -> activity(plan, 0).putArray("metrics").add("$gt"),
						"activities[0].metrics[0]", "invalid-request"),
				bad(16, "budget as text", (plan) -> activity(plan, 0).put("budgetVnd", "12000000"),
						"activities[0].budgetVnd", "malformed-request"),
				bad(17, "negative budget", (plan) -> plan.put("budgetVnd", -1), "budgetVnd", "invalid-request"),
				bad(18, "daily broadcast of 2000 minutes", (plan) -> cadence(plan, 0).put("minutesEach", 2000),
						"activities[0].cadence.minutesEach", "invalid-request"),
				bad(19, "target of a missing activity", (plan) -> target(plan, 0).put("activityId", "HD07"),
						"targets[0].activityId", "invalid-request"),
				bad(20, "target metric of another activity", (plan) -> target(plan, 0).put("metric", "broadcasts"),
						"targets[0].metric", "invalid-request"),
				bad(21, "percent target of 150", (plan) -> target(plan, 1).put("value", 150), "targets[1].value",
						"invalid-request"),
				bad(22, "deadline of an unreported period",
						(plan) -> ((ObjectNode) reporting(plan).get("deadlines").get(0)).put("period", "QUARTER"),
						"reporting.deadlines[0].period", "invalid-request"),
				bad(23, "unknown receiver", (plan) -> reporting(plan).put("receiverUnitCode", "PLV.NONE"),
						"reporting.receiverUnitCode", "invalid-plan-references"),
				bad(24, "activities as an object", (plan) -> plan.putObject("activities"), "activities",
						"malformed-request"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("badDrafts")
	void aBadDraftIsAProblemNamingTheFieldAndNothingIsStored(String planId, String name, Consumer<ObjectNode> breakIt,
			String field, String slug) {
		ObjectNode plan = PlanJson.yearPlan(PROVINCE, 2022);
		breakIt.accept(plan);

		MvcTestResult result = put(planId, plan);

		assertThat(result.getResponse().getStatus()).isBetween(400, 499);
		assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://cchc.gov.vn/problems/" + slug);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
		assertThat(stored(planId)).isNull();
		assertThat(get("/api/v1/plans/{planId}", planId)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aBadIssueOrAmendmentChangesNothingAndPublishesNothing() {
		String planId = "PLV-ISSUED-2022";
		assertThat(put(planId, PlanJson.yearPlan(PROVINCE, 2022))).hasStatus(HttpStatus.CREATED);
		assertThat(post(planId, "issue", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("issuedOn");
		assertThat(post(planId, "issue", "{\"issuedOn\": \"2023-02-01\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("issuedOn");
		assertThat(stored(planId).getString("status")).isEqualTo("DRAFT");
		assertThat(post(planId, "issue", "{\"issuedOn\": \"2022-01-18\"}")).hasStatusOk();
		awaitPublished(planId);
		long revision = stored(planId).getLong("revision");

		ObjectNode noReason = PlanJson.yearPlan(PROVINCE, 2022);
		ObjectNode otherIssuer = PlanJson.yearPlan(PROVINCE, 2022);
		otherIssuer.put("reason", "Đổi đơn vị ban hành");
		otherIssuer.put("issuerCode", PROVINCE + ".SNV");
		ObjectNode badActivity = PlanJson.yearPlan(PROVINCE, 2022);
		badActivity.put("reason", "Bổ sung chỉ số");
		activity(badActivity, 0).putArray("metrics").add("Phút phát sóng");

		assertThat(post(planId, "amend", noReason)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("reason");
		assertThat(post(planId, "amend", otherIssuer)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("issuerCode");
		assertThat(post(planId, "amend", badActivity)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("activities[0].metrics[0]");
		assertThat(post(planId, "close", "{\"closedOn\": \"2021-12-01\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("closedOn");

		assertThat(stored(planId).getLong("revision")).isEqualTo(revision);
		assertThat(stored(planId).getList("versions", Object.class)).hasSize(1);
		assertThat(outbox(planId)).isEmpty();
		assertThat(planRecords(planId)).hasSize(1);
	}

	@Test
	void aMalformedPlanIdIsAProblem() {
		assertThat(put("plan id with spaces", PlanJson.yearPlan(PROVINCE, 2022))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("planId");
	}

	private static Arguments bad(int number, String name, Consumer<ObjectNode> breakIt, String field, String slug) {
		return Arguments.of("PLV-BAD-" + number, name, breakIt, field, slug);
	}

}
