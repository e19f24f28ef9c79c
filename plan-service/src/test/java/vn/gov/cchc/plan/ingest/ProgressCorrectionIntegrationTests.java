package vn.gov.cchc.plan.ingest;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections and retractions end to end: new events on {@code cchc.progress} after the
 * report they change (same key, so the same partition, in order), never an edit of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressCorrectionIntegrationTests extends PlanServiceIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private JsonMapper mapper;

	@BeforeAll
	void unitsAndPlans() {
		IngestFixtures.ensure(this.mvc, this.mongo, this.mapper);
	}

	@Test
	void publishesACorrectionWithTheWholeNewValuesAfterTheOriginalAndLeavesTheOriginalAsItWas() {
		assertThat(post(IngestFixtures.radioReport("cor-orig-0001", 15))).hasStatus(HttpStatus.ACCEPTED);
		ProgressReceipt originalBefore = StoredReceipts.readRecorded(this.mongo, "cor-orig-0001");

		MvcTestResult corrected = post("""
				{"eventId": "cor-fix-0001", "correctsEventId": "cor-orig-0001", "unitCode": "IG.R",
				 "planId": "IG-KH-2025", "activityId": "HD01", "date": "2025-03-15",
				 "quantities": {"broadcasts": 1, "minutes": 20}, "budgetSpentVnd": 600000,
				 "reporter": "Nguyễn Thị Hà", "note": "Bản tin dài 20 phút, phát ngày 15/3"}""");

		assertThat(corrected).hasStatus(HttpStatus.ACCEPTED);
		List<ConsumerRecord<String, String>> records = recordsOf("cor-orig-0001", "cor-fix-0001");
		assertThat(records).extracting(ConsumerRecord::key).containsExactly("IG.R", "IG.R");
		assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
		assertThat(records.get(0).offset()).isLessThan(records.get(1).offset());
		JsonNode correction = json.readTree(records.get(1).value());
		assertThat(correction.get("type").asString()).isEqualTo(EventTypes.PROGRESS_CORRECTED_V1);
		JsonNode data = correction.get("data");
		assertThat(data.get("correctsEventId").asString()).isEqualTo("cor-orig-0001");
		assertThat(data.get("date").asString()).isEqualTo("2025-03-15");
		assertThat(data.get("quantities").get("minutes").asLong()).isEqualTo(20);
		assertThat(data.get("evidence")).isEmpty();
		assertThat(data.get("budgetSpentVnd").asLong()).isEqualTo(600_000);
		assertThat(data.get("note").asString()).isEqualTo("Bản tin dài 20 phút, phát ngày 15/3");
		assertThat(json.readTree(records.get(0).value()).get("data").get("quantities").get("minutes").asLong())
			.isEqualTo(15);
		assertThat(StoredReceipts.read(this.mongo, "cor-orig-0001")).isEqualTo(originalBefore);
		ProgressReceipt receipt = StoredReceipts.readRecorded(this.mongo, "cor-fix-0001");
		assertThat(receipt.kind()).isEqualTo(ValidProgress.Kind.CORRECTION);
		assertThat(receipt.refersTo()).isEqualTo("cor-orig-0001");
		assertThat(receipt.isRecorded()).isTrue();
	}

	@Test
	void acceptsARetryOfACorrectionWithoutPublishingItAgainAndASecondCorrection() {
		assertThat(post(IngestFixtures.radioReport("cor-orig-0002", 15))).hasStatus(HttpStatus.ACCEPTED);
		String correction = correction("cor-fix-0002", "cor-orig-0002", 25);
		assertThat(post(correction)).hasStatus(HttpStatus.ACCEPTED);

		assertThat(post(correction)).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post(correction("cor-fix-0003", "cor-orig-0002", 30))).hasStatus(HttpStatus.ACCEPTED);

		assertThat(recordsOf("cor-orig-0002", "cor-fix-0002", "cor-fix-0003")).hasSize(3);
	}

	@Test
	void retractsThroughThePathOnceAndRefusesToRetractOrCorrectItAgain() {
		assertThat(post(IngestFixtures.radioReport("cor-orig-0004", 15))).hasStatus(HttpStatus.ACCEPTED);
		String retraction = """
				{"unitCode": "IG.R", "reporter": "Nguyễn Thị Hà", "reason": "Bản tin bị hủy, không phát"}""";

		MvcTestResult retracted = retract("cor-orig-0004", retraction);
		MvcTestResult again = retract("cor-orig-0004", retraction);
		MvcTestResult another = retract("cor-orig-0004", """
				{"eventId": "cor-retr-0005", "unitCode": "IG.R", "reporter": "Hà", "reason": "Lần nữa"}""");
		MvcTestResult correctedAfter = post(correction("cor-fix-0004", "cor-orig-0004", 40));

		assertThat(retracted).hasStatus(HttpStatus.ACCEPTED);
		String retractionId = json.readTree(retracted.getResponse().getContentAsByteArray()).get("eventId").asString();
		assertThat(retractionId).isEqualTo(ValidProgress.derivedRetractionId("cor-orig-0004"));
		assertThat(again).hasStatus(HttpStatus.ACCEPTED);
		assertThat(another).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(problem(another).get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/already-retracted");
		assertThat(problem(another).get("instance").asString()).isEqualTo("/api/v1/progress/cor-orig-0004:retract");
		assertThat(correctedAfter).hasStatus(HttpStatus.CONFLICT);
		assertThat(problem(correctedAfter).get("errors").get(0).get("field").asString()).isEqualTo("correctsEventId");

		List<ConsumerRecord<String, String>> records = recordsOf("cor-orig-0004", retractionId, "cor-retr-0005",
				"cor-fix-0004");
		assertThat(records).hasSize(2);
		JsonNode event = json.readTree(records.get(1).value());
		assertThat(event.get("type").asString()).isEqualTo(EventTypes.PROGRESS_RETRACTED_V1);
		JsonNode data = event.get("data");
		assertThat(data.get("retractsEventId").asString()).isEqualTo("cor-orig-0004");
		assertThat(data.get("planId").asString()).isEqualTo(IngestFixtures.PLAN);
		assertThat(data.get("activityId").asString()).isEqualTo("HD01");
		assertThat(data.get("date").asString()).isEqualTo("2025-03-14");
		assertThat(data.get("reason").asString()).isEqualTo("Bản tin bị hủy, không phát");
		assertThat(StoredReceipts.read(this.mongo, "cor-retr-0005")).isNull();
		assertThat(StoredReceipts.read(this.mongo, "cor-orig-0004").retractedBy()).isEqualTo(retractionId);
	}

	@Test
	void retractsWithARetractionInTheReportBodyToo() {
		assertThat(post(IngestFixtures.radioReport("cor-orig-0006", 15))).hasStatus(HttpStatus.ACCEPTED);

		assertThat(post("""
				{"eventId": "cor-retr-0006", "retractsEventId": "cor-orig-0006", "unitCode": "IG.R",
				 "planId": "IG-KH-2025", "reporter": "Nguyễn Thị Hà", "reason": "Nhập trùng"}"""))
			.hasStatus(HttpStatus.ACCEPTED);

		assertThat(recordsOf("cor-retr-0006")).singleElement()
			.satisfies((record) -> assertThat(json.readTree(record.value()).get("type").asString())
				.isEqualTo(EventTypes.PROGRESS_RETRACTED_V1));
	}

	private String correction(String eventId, String corrects, int minutes) {
		return """
				{"eventId": "%s", "correctsEventId": "%s", "unitCode": "IG.R", "planId": "IG-KH-2025",
				 "activityId": "HD01", "date": "2025-03-14", "quantities": {"broadcasts": 1, "minutes": %d},
				 "reporter": "Nguyễn Thị Hà"}""".formatted(eventId, corrects, minutes);
	}

	private MvcTestResult post(String body) {
		return IngestFixtures.postJson(this.mvc, body, "/api/v1/progress");
	}

	private MvcTestResult retract(String eventId, String body) {
		return IngestFixtures.postJson(this.mvc, body, "/api/v1/progress/{eventId}:retract", eventId);
	}

	/** The records with the given event ids, in offset order. */
	private List<ConsumerRecord<String, String>> recordsOf(String... eventIds) {
		List<String> ids = List.of(eventIds);
		return topic("cchc.progress").all()
			.stream()
			.filter((record) -> ids.contains(json.readTree(record.value()).get("id").asString()))
			.sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
			.toList();
	}

	private static JsonNode problem(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

}
