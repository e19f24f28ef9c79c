package vn.gov.cchc.plan.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.plan.plan.PlanFixtures;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.cchc.plan.TestCallers.adminOf;
import static vn.gov.cchc.plan.TestCallers.administrator;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * The units and plans the ingestion integration tests report against, registered through
 * {@code PUT /api/v1/units} (and read back from the view) and stored as issued plans.
 *
 * <pre>
 * IG  Tỉnh Thử Nghiệm (province, issuer of the plans)
 * ├── IG.R    Đài Phát thanh và Truyền hình (agency): leads HD01
 * ├── IG.SNV  Sở Nội vụ (department): coordinates HD01
 * └── IG.D1   Huyện Thử Nghiệm (district)
 *     ├── IG.X1, IG.X2  communes since 2000
 *     ├── IG.X3         commune since 1 July 2025
 *     └── IG.X4         commune until 30 June 2025
 * OT  Tỉnh Khác (province) └── OT.X1 commune
 * </pre>
 *
 * Plan {@value #PLAN} (2025): {@code HD01} radio column led by IG.R, coordinated by
 * IG.SNV, counted in broadcasts and minutes; {@code HD02} public posting by every commune
 * under IG, counted in postings. Plan {@value #OTHER_PLAN} (2025) has only {@code HDB1}.
 * Plan {@value #DRAFT_PLAN} exists only as a draft.
 */
final class IngestFixtures {

	static final String PLAN = "IG-KH-2025";

	static final String OTHER_PLAN = "IG-KH-B-2025";

	static final String DRAFT_PLAN = "IG-KH-DRAFT";

	private static final JsonMapper json = JsonMapper.builder().build();

	private IngestFixtures() {
	}

	/** Registers the units (idempotent) and stores the plans. */
	static void ensure(MockMvcTester mvc, MongoTemplate mongo, JsonMapper mapper) {
		// The test classes share one context: the first one registers the units.
		if (mvc.get()
			.uri("/api/v1/units/IG.X4")
			.with(bearer(adminOf("IG.X4")))
			.exchange()
			.getResponse()
			.getStatus() != 200) {
			registerUnits(mvc);
		}
		storePlans(mongo, mapper);
	}

	private static void registerUnits(MockMvcTester mvc) {
		register(mvc, """
				[{"code": "IG", "name": "Tỉnh Thử Nghiệm", "kind": "PROVINCE", "validFrom": "2000-01-01"},
				 {"code": "OT", "name": "Tỉnh Khác", "kind": "PROVINCE", "validFrom": "2000-01-01"}]""");
		register(mvc, """
				[{"code": "IG.R", "name": "Đài Phát thanh và Truyền hình tỉnh Thử Nghiệm", "kind": "AGENCY",
				  "parentCode": "IG", "validFrom": "2000-01-01"},
				 {"code": "IG.SNV", "name": "Sở Nội vụ tỉnh Thử Nghiệm", "kind": "DEPARTMENT", "parentCode": "IG",
				  "validFrom": "2000-01-01"},
				 {"code": "IG.D1", "name": "Huyện Thử Nghiệm", "kind": "DISTRICT", "parentCode": "IG",
				  "validFrom": "2000-01-01"},
				 {"code": "OT.X1", "name": "Xã Bên Ngoài", "kind": "COMMUNE", "parentCode": "OT",
				  "validFrom": "2000-01-01"}]""");
		register(mvc,
				"""
						[{"code": "IG.X1", "name": "Xã Một", "kind": "COMMUNE", "parentCode": "IG.D1", "validFrom": "2000-01-01"},
						 {"code": "IG.X2", "name": "Xã Hai", "kind": "COMMUNE", "parentCode": "IG.D1", "validFrom": "2000-01-01"},
						 {"code": "IG.X3", "name": "Xã Mới Lập", "kind": "COMMUNE", "parentCode": "IG.D1",
						  "validFrom": "2025-07-01"},
						 {"code": "IG.X4", "name": "Xã Đã Sáp Nhập", "kind": "COMMUNE", "parentCode": "IG.D1",
						  "validFrom": "2000-01-01", "validTo": "2025-06-30"}]""");
	}

	private static void storePlans(MongoTemplate mongo, JsonMapper mapper) {
		PlanFixtures.storeIssued(mongo, mapper, plan());
		PlanFixtures.storeIssued(mongo, mapper, otherPlan());
		mongo.getCollection("plans")
			.replaceOne(new Document("_id", DRAFT_PLAN),
					new Document("_id", DRAFT_PLAN).append("status", "DRAFT")
						.append("revision", 1L)
						.append("draft", new Document("number", "99/KH-UBND"))
						.append("versions", List.of())
						.append("outbox", List.of()),
					new com.mongodb.client.model.ReplaceOptions().upsert(true));
	}

	static PlanDetails plan() {
		PlanDetails plan = PlanFixtures.oneYearPlan(PLAN, "IG", "IG.R", 2025);
		PlanDetails.Activity radio = plan.activities().get(0);
		PlanDetails.Activity coordinated = new PlanDetails.Activity(radio.activityId(), radio.title(), radio.form(),
				radio.contentAreas(), radio.cadence(), radio.leadUnitCode(), radio.leadUnitKinds(), radio.leadLabel(),
				List.of("IG.SNV"), radio.metrics(), radio.expectedEvidence(), radio.expectedProducts(),
				radio.budgetVnd(), radio.inheritedFrom());
		return withActivities(plan, List.of(coordinated, plan.activities().get(1)));
	}

	static PlanDetails otherPlan() {
		PlanDetails plan = PlanFixtures.oneYearPlan(OTHER_PLAN, "IG", "IG.X1", 2025);
		PlanDetails.Activity radio = plan.activities().get(0);
		PlanDetails.Activity only = new PlanDetails.Activity("HDB1", "Phát hành tờ rơi", radio.form(),
				radio.contentAreas(), radio.cadence(), "IG.X1", null, null, List.of(), List.of("copies"),
				radio.expectedEvidence(), null, 0L, null);
		return withActivities(plan, List.of(only));
	}

	private static PlanDetails withActivities(PlanDetails plan, List<PlanDetails.Activity> activities) {
		return new PlanDetails(plan.planId(), plan.version(), plan.status(), plan.number(), plan.title(),
				plan.issuerCode(), plan.issuedOn(), plan.from(), plan.to(), plan.basis(), plan.contentAreas(),
				activities, plan.targets(), plan.budgetVnd(), plan.budgetNote(), plan.reporting());
	}

	/** A valid report of the radio column by its lead, with the given id and minutes. */
	static String radioReport(String eventId, int minutes) {
		return """
				{"eventId": "%s", "unitCode": "IG.R", "planId": "%s", "activityId": "HD01",
				 "date": "2025-03-14", "quantities": {"broadcasts": 1, "minutes": %d},
				 "evidence": ["https://thunghiem.gov.vn/phat-thanh/cchc-so-11"], "budgetSpentVnd": 500000,
				 "reporter": "Nguyễn Thị Hà"}""".formatted(eventId, PLAN, minutes);
	}

	/** A valid public posting by a commune under the issuer. */
	static String postingReport(String eventId, String communeCode, LocalDate date, int postings) {
		return """
				{"eventId": "%s", "unitCode": "%s", "planId": "%s", "activityId": "HD02", "date": "%s",
				 "quantities": {"postings": %d}, "reporter": "Công chức văn phòng xã"}""".formatted(eventId,
				communeCode, PLAN, date, postings);
	}

	private static void register(MockMvcTester mvc, String units) {
		assertThat(mvc.put()
			.uri("/api/v1/units")
			.with(bearer(administrator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(units.getBytes(StandardCharsets.UTF_8))
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		List<String> codes = Stream.of(json.readTree(units))
			.flatMap(JsonNode::valueStream)
			.map((unit) -> unit.get("code").asString())
			.toList();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> codes
				.forEach((code) -> assertThat(mvc.get().uri("/api/v1/units/{code}", code).with(bearer(adminOf(code))))
					.hasStatusOk()));
	}

	/**
	 * POSTs a JSON body, as a commune system does: with the token of the system of the
	 * unit the report names (for a batch, its first report), since a unit's system sends
	 * only that unit's reports. A body that names no unit as text is sent as the system
	 * of {@code IG.R}.
	 */
	static MvcTestResult postJson(MockMvcTester mvc, String body, String uri, Object... uriVariables) {
		return postJsonAs(mvc, TestTokens.machine(reportingUnit(body)), body, uri, uriVariables);
	}

	/** POSTs a JSON body with the given token. */
	static MvcTestResult postJsonAs(MockMvcTester mvc, String token, String body, String uri, Object... uriVariables) {
		return mvc.post()
			.uri(uri, uriVariables)
			.with(bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	/** The unit a report (or the first report of a batch) names. */
	static String reportingUnit(String body) {
		try {
			JsonNode report = json.readTree(body);
			String unitCode = textOf(
					(report != null && report.isArray() && !report.isEmpty()) ? report.get(0) : report);
			return (unitCode != null) ? unitCode : "IG.R";
		}
		catch (JacksonException ex) {
			return "IG.R";
		}
	}

	private static @Nullable String textOf(@Nullable JsonNode report) {
		JsonNode unitCode = (report != null) ? report.get("unitCode") : null;
		return (unitCode != null && unitCode.isString() && !unitCode.asString().isBlank()) ? unitCode.asString() : null;
	}

}
