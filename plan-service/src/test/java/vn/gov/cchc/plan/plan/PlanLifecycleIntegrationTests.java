package vn.gov.cchc.plan.plan;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.cchc.plan.TestCallers.administrator;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * A plan's life through the API, against the real broker and store: every version stays
 * readable, and every change is on {@code cchc.plans} exactly once.
 */
class PlanLifecycleIntegrationTests extends PlanApiIntegrationTest {

	private static final String PROVINCE = "PLA";

	@Autowired
	private Plans plans;

	@BeforeEach
	void units() {
		registerUnits(PlanJson.provinceUnits(PROVINCE), PROVINCE, PROVINCE + ".SNV", PROVINCE + ".PTTH");
	}

	@Test
	void draftIssueAmendCloseKeepsEveryVersionReadableAndPublishesEachChangeOnce() {
		String planId = "PLA-LIFE-2022";
		ObjectNode plan = PlanJson.yearPlan(PROVINCE, 2022);

		MvcTestResult created = put(planId, plan);
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/v1/plans/" + planId);
		assertThat(body(created).get("status").asString()).isEqualTo("DRAFT");
		assertThat(body(created).get("revision").asLong()).isEqualTo(1);
		assertThat(body(created).get("plan").get("version").asInt()).isZero();

		plan.put("title", "Kế hoạch tuyên truyền cải cách hành chính tỉnh năm 2022");
		MvcTestResult edited = put(planId, plan);
		assertThat(edited).hasStatusOk();
		assertThat(body(edited).get("revision").asLong()).isEqualTo(2);
		assertThat(this.plans.findInForce(planId)).as("a draft is not in force").isEmpty();

		MvcTestResult issued = post(planId, "issue", "{\"issuedOn\": \"2022-01-18\", \"revision\": 2}");
		assertThat(issued).hasStatusOk();
		JsonNode issuedPlan = body(issued).get("plan");
		assertThat(issuedPlan.get("version").asInt()).isEqualTo(1);
		assertThat(issuedPlan.get("status").asString()).isEqualTo("ISSUED");
		assertThat(issuedPlan.get("issuedOn").asString()).isEqualTo("2022-01-18");
		assertThat(this.plans.findInForce(planId)).hasValueSatisfying((inForce) -> {
			assertThat(inForce.version()).isEqualTo(1);
			assertThat(inForce.title()).isEqualTo("Kế hoạch tuyên truyền cải cách hành chính tỉnh năm 2022");
		});

		assertThat(put(planId, plan)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/plan-not-draft");

		ObjectNode amendment = PlanJson.yearPlan(PROVINCE, 2022);
		amendment.put("reason", "Bổ sung hoạt động đối thoại theo chỉ đạo của UBND tỉnh");
		amendment.put("amendedOn", "2022-06-01");
		((ArrayNode) amendment.get("activities")).addObject()
			.put("activityId", "HD03")
			.put("title", "Tổ chức đối thoại với người dân về thủ tục hành chính")
			.put("form", "DIALOGUE")
			.put("leadUnitCode", PROVINCE + ".SNV")
			.set("cadence", PlanJson.json.readTree("{\"kind\": \"ONCE\"}"));
		((ObjectNode) amendment.get("activities").get(2)).set("metrics", PlanJson.json.readTree("[\"participants\"]"));
		MvcTestResult amended = post(planId, "amend", amendment);
		assertThat(amended).hasStatusOk();
		assertThat(body(amended).get("status").asString()).isEqualTo("AMENDED");
		assertThat(body(amended).get("plan").get("version").asInt()).isEqualTo(2);
		assertThat(body(amended).get("plan").get("issuedOn").asString()).isEqualTo("2022-01-18");
		assertThat(body(amended).get("plan").get("activities")).hasSize(3);

		MvcTestResult closed = post(planId, "close",
				"{\"closedOn\": \"2022-12-31\", \"reason\": \"Hết năm kế hoạch\"}");
		assertThat(closed).hasStatusOk();
		assertThat(body(closed).get("status").asString()).isEqualTo("CLOSED");
		assertThat(body(closed).get("closedOn").asString()).isEqualTo("2022-12-31");
		assertThat(post(planId, "amend", amendment)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/plan-closed");

		MvcTestResult versions = get("/api/v1/plans/{planId}/versions", planId);
		assertThat(versions).hasStatusOk();
		JsonNode list = body(versions);
		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("status").asString()).isEqualTo("ISSUED");
		assertThat(list.get(0).get("decidedOn").asString()).isEqualTo("2022-01-18");
		assertThat(list.get(1).get("status").asString()).isEqualTo("AMENDED");
		assertThat(list.get(1).get("decidedOn").asString()).isEqualTo("2022-06-01");
		assertThat(list.get(1).get("reason").asString())
			.isEqualTo("Bổ sung hoạt động đối thoại theo chỉ đạo của UBND tỉnh");
		JsonNode first = body(get("/api/v1/plans/{planId}/versions/1", planId));
		assertThat(first.get("version").asInt()).isEqualTo(1);
		assertThat(first.get("status").asString()).isEqualTo("ISSUED");
		assertThat(first.get("activities")).hasSize(2);
		assertThat(get("/api/v1/plans/{planId}/versions/3", planId)).hasStatus(HttpStatus.NOT_FOUND);
		JsonNode current = body(get("/api/v1/plans/{planId}", planId));
		assertThat(current.get("status").asString()).isEqualTo("CLOSED");
		assertThat(current.get("plan").get("version").asInt()).isEqualTo(2);

		awaitPublished(planId);
		List<ConsumerRecord<String, String>> records = planRecords(planId);
		assertThat(records).extracting((record) -> event(record).get("type").asString())
			.containsExactly(EventTypes.PLAN_ISSUED_V1, EventTypes.PLAN_AMENDED_V1, EventTypes.PLAN_CLOSED_V1);
		assertThat(records).extracting((record) -> event(record).get("id").asString()).doesNotHaveDuplicates();
		assertThat(records).allSatisfy((record) -> {
			JsonNode event = event(record);
			assertThat(event.get("source").asString()).isEqualTo("/cchc/plan-service");
			assertThat(event.get("subject").asString()).isEqualTo(planId);
			assertThat(event.get("data").get("plan").get("planId").asString()).isEqualTo(planId);
			assertThat(event.get("data").get("occurredAt").asString()).isNotBlank();
		});
		assertThat(records.stream().map((record) -> record.partition()).distinct()).as("one partition per plan")
			.hasSize(1);
		JsonNode closedEvent = event(records.get(2)).get("data").get("plan");
		assertThat(closedEvent.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closedEvent.get("version").asInt()).isEqualTo(2);
		PlanDetails published = PlanJson.json.treeToValue(event(records.get(1)).get("data").get("plan"),
				PlanDetails.class);
		assertThat(published).isEqualTo(
				PlanJson.json.treeToValue(body(get("/api/v1/plans/{planId}/versions/2", planId)), PlanDetails.class));
		assertThat(this.plans.findInForce(planId))
			.hasValueSatisfying((inForce) -> assertThat(inForce.status()).isEqualTo(PlanStatus.CLOSED));
	}

	@Test
	void issuingAgainWithTheSameDateChangesNothingAndWithAnotherDateIsAConflict() {
		String planId = "PLA-REISSUE-2023";
		assertThat(put(planId, PlanJson.yearPlan(PROVINCE, 2023))).hasStatus(HttpStatus.CREATED);
		assertThat(post(planId, "issue", "{\"issuedOn\": \"2023-01-10\"}")).hasStatusOk();
		awaitPublished(planId);

		MvcTestResult again = post(planId, "issue", "{\"issuedOn\": \"2023-01-10\"}");
		assertThat(again).hasStatusOk();
		assertThat(body(again).get("revision").asLong()).isEqualTo(2);
		assertThat(post(planId, "issue", "{\"issuedOn\": \"2023-01-11\"}")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/plan-already-issued");

		assertThat(outbox(planId)).isEmpty();
		assertThat(planRecords(planId)).hasSize(1);
	}

	@Test
	void anEditMadeOnAStaleRevisionIsAConflictAndOverwritesNothing() {
		String planId = "PLA-CONCURRENT-2024";
		assertThat(put(planId, PlanJson.yearPlan(PROVINCE, 2024))).hasStatus(HttpStatus.CREATED);
		ObjectNode first = PlanJson.yearPlan(PROVINCE, 2024);
		first.put("title", "Bản sửa của chuyên viên thứ nhất");
		first.put("revision", 1);
		ObjectNode second = PlanJson.yearPlan(PROVINCE, 2024);
		second.put("title", "Bản sửa của chuyên viên thứ hai");
		second.put("revision", 1);

		assertThat(put(planId, first)).hasStatusOk();
		MvcTestResult stale = put(planId, second);

		assertThat(stale).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(stale).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/plan-modified-concurrently");
		assertThat(stale).bodyJson().extractingPath("$.errors[0].field").isEqualTo("revision");
		assertThat(body(get("/api/v1/plans/{planId}", planId)).get("plan").get("title").asString())
			.isEqualTo("Bản sửa của chuyên viên thứ nhất");
		assertThat(post(planId, "issue", "{\"issuedOn\": \"2024-01-05\", \"revision\": 1}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(stored(planId).getString("status")).isEqualTo("DRAFT");
		assertThat(outbox(planId)).isEmpty();
	}

	@Test
	void amendingADraftOrClosingAnUnknownPlanIsRefused() {
		String planId = "PLA-DRAFT-ONLY";
		assertThat(put(planId, PlanJson.yearPlan(PROVINCE, 2025))).hasStatus(HttpStatus.CREATED);
		ObjectNode amendment = PlanJson.yearPlan(PROVINCE, 2025);
		amendment.put("reason", "Điều chỉnh");

		assertThat(post(planId, "amend", amendment)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/plan-not-issued");
		assertThat(post("PLA-NONE", "close", "{}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/api/v1/plans/{planId}:close", "PLA-NONE").with(bearer(administrator())))
			.as("a close without a body")
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("/api/v1/plans/{planId}", "PLA-NONE")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void listsTheIssuersPlansCoveringAYear() {
		assertThat(put("PLA-LIST-2020", PlanJson.yearPlan(PROVINCE, 2020))).hasStatus(HttpStatus.CREATED);
		assertThat(put("PLA-LIST-2021", PlanJson.yearPlan(PROVINCE, 2021))).hasStatus(HttpStatus.CREATED);

		MvcTestResult listed = get("/api/v1/plans?issuer={issuer}&year={year}", PROVINCE, "2021");

		assertThat(listed).hasStatusOk();
		assertThat(body(listed)).extracting((plan) -> plan.get("planId").asString()).containsExactly("PLA-LIST-2021");
		assertThat(get("/api/v1/plans?issuer={issuer}", PROVINCE)).bodyJson()
			.extractingPath("$[*].planId")
			.asArray()
			.contains("PLA-LIST-2020", "PLA-LIST-2021");
		assertThat(get("/api/v1/plans?year={year}", "năm")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("year");
	}

	@Test
	void describesEveryPlanEndpointInOpenApiAndExposesTheOutboxMetrics() {
		assertThat(this.mvc.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/v1/plans", "/api/v1/plans/{planId}", "/api/v1/plans/{planId}:issue",
					"/api/v1/plans/{planId}:amend", "/api/v1/plans/{planId}:close", "/api/v1/plans/{planId}:derive",
					"/api/v1/plans/{planId}/versions", "/api/v1/plans/{planId}/versions/{version}",
					"/api/v1/plans/{planId}/implementation");
		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("cchc_outbox_published_total{aggregate=\"plan\",collection=\"plans\"}")
			.contains("cchc_outbox_pending{aggregate=\"plan\",collection=\"plans\"}")
			.contains("cchc_outbox_reconciled_total{aggregate=\"plan\",collection=\"plans\"}");
	}

}
