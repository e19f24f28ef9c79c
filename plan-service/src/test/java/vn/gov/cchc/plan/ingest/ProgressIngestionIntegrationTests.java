package vn.gov.cchc.plan.ingest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;
import vn.gov.cchc.plan.plan.PlanFixtures;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * {@code POST /api/v1/progress} end to end: units registered through
 * {@code PUT /api/v1/units} and materialized from {@code cchc.units}, an issued plan in
 * the store, reports published to a real broker and read back with a plain Kafka
 * consumer, receipts in MongoDB. {@link BadProgressIntegrationTests} covers the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressIngestionIntegrationTests extends PlanServiceIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private JsonMapper mapper;

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	@BeforeAll
	void unitsAndPlans() {
		IngestFixtures.ensure(this.mvc, this.mongo, this.mapper);
	}

	@Test
	void publishesOneCloudEventKeyedByTheUnitOnceTheBrokerHasIt() {
		MvcTestResult result = post(IngestFixtures.radioReport("it-accept-0001", 15));

		assertThat(result).hasStatus(HttpStatus.ACCEPTED).hasContentType(MediaType.APPLICATION_JSON);
		JsonNode answer = json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(answer.get("eventId").asString()).isEqualTo("it-accept-0001");
		assertThat(answer.get("status").asString()).isEqualTo("ACCEPTED");

		List<ConsumerRecord<String, String>> records = progressRecordsWithId("it-accept-0001");
		assertThat(records).hasSize(1);
		ConsumerRecord<String, String> record = records.get(0);
		assertThat(record.key()).isEqualTo("IG.R");
		JsonNode event = json.readTree(record.value());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("type").asString()).isEqualTo(EventTypes.PROGRESS_RECORDED_V1);
		assertThat(event.get("source").asString()).isEqualTo("/cchc/plan-service");
		assertThat(event.get("subject").asString()).isEqualTo("IG.R");
		assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
		JsonNode data = event.get("data");
		assertThat(data.get("eventId").asString()).isEqualTo("it-accept-0001");
		assertThat(data.get("unitCode").asString()).isEqualTo("IG.R");
		assertThat(data.get("planId").asString()).isEqualTo(IngestFixtures.PLAN);
		assertThat(data.get("activityId").asString()).isEqualTo("HD01");
		assertThat(data.get("date").asString()).isEqualTo("2025-03-14");
		assertThat(data.get("quantities").get("minutes").asLong()).isEqualTo(15);
		assertThat(data.get("quantities").get("broadcasts").asLong()).isEqualTo(1);
		assertThat(data.get("evidence").get(0).asString()).isEqualTo("https://thunghiem.gov.vn/phat-thanh/cchc-so-11");
		assertThat(data.get("budgetSpentVnd").asLong()).isEqualTo(500_000);
		assertThat(data.get("reporter").asString()).isEqualTo("Nguyễn Thị Hà");
		assertThat(data.get("note").isNull()).isTrue();
		assertThat(data.get("recordedAt").asString()).isEqualTo(answer.get("recordedAt").asString());
		assertThat(event.get("time").asString()).isEqualTo(answer.get("recordedAt").asString());

		ProgressReceipt receipt = StoredReceipts.readRecorded(this.mongo, "it-accept-0001");
		assertThat(receipt).isNotNull();
		assertThat(receipt.isRecorded()).isTrue();
		assertThat(receipt.kind()).isEqualTo(ValidProgress.Kind.RECORDED);
		assertThat(receipt.unitCode()).isEqualTo("IG.R");
		assertThat(receipt.recordedAt()).hasToString(answer.get("recordedAt").asString());
	}

	@Test
	void acceptsACoordinatingUnitAndACommuneOfTheLeadKindUnderTheIssuer() {
		assertThat(post(IngestFixtures.radioReport("it-coord-0001", 20).replace("\"IG.R\"", "\"IG.SNV\"")))
			.hasStatus(HttpStatus.ACCEPTED);
		assertThat(post(IngestFixtures.postingReport("it-kind-0001", "IG.X2", LocalDate.of(2025, 9, 2), 3)))
			.hasStatus(HttpStatus.ACCEPTED);
		// A commune that existed only until 30 June reports for a day it existed.
		assertThat(post(IngestFixtures.postingReport("it-kind-0002", "IG.X4", LocalDate.of(2025, 6, 30), 1)))
			.hasStatus(HttpStatus.ACCEPTED);

		assertThat(progressRecordsWithId("it-coord-0001")).hasSize(1);
		assertThat(progressRecordsWithId("it-kind-0001")).hasSize(1);
		assertThat(progressRecordsWithId("it-kind-0002")).hasSize(1);
	}

	@Test
	void acceptsTheSameReportAgainWithoutPublishingIt() {
		MvcTestResult first = post(IngestFixtures.radioReport("it-retry-0001", 30));
		assertThat(first).hasStatus(HttpStatus.ACCEPTED);
		double duplicatesBefore = this.meters.counter("cchc.ingest.duplicates").count();

		// The same report, spelled differently: other key order, an unknown field, the
		// default budget written out, a blank note.
		MvcTestResult again = post("""
				{"reporter": "Nguyễn Thị Hà", "budgetSpentVnd": 500000, "clientVersion": "2.1", "note": "  ",
				 "quantities": {"minutes": 30, "broadcasts": 1}, "date": "2025-03-14", "activityId": "HD01",
				 "planId": "IG-KH-2025", "unitCode": "IG.R", "eventId": "it-retry-0001",
				 "evidence": ["https://thunghiem.gov.vn/phat-thanh/cchc-so-11"]}""");

		assertThat(again).hasStatus(HttpStatus.ACCEPTED);
		assertThat(json.readTree(again.getResponse().getContentAsByteArray()).get("recordedAt"))
			.isEqualTo(json.readTree(first.getResponse().getContentAsByteArray()).get("recordedAt"));
		assertThat(progressRecordsWithId("it-retry-0001")).hasSize(1);
		assertThat(this.meters.counter("cchc.ingest.duplicates").count()).isEqualTo(duplicatesBefore + 1);
	}

	@Test
	void acceptsARetryOfARecordedReportEvenAfterItsPlanWasClosedAndNewReportsForTheDaysItCovered() {
		PlanFixtures.storeIssued(this.mongo, this.mapper, PlanFixtures.oneYearPlan("IG-KH-CLOSED", "IG", "IG.R", 2025));
		String report = IngestFixtures.radioReport("it-closed-0001", 15).replace(IngestFixtures.PLAN, "IG-KH-CLOSED");
		assertThat(post(report)).hasStatus(HttpStatus.ACCEPTED);
		this.mongo.getCollection("plans")
			.updateOne(new Document("_id", "IG-KH-CLOSED"), new Document("$set", new Document("status", "CLOSED")));

		assertThat(post(report)).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post(IngestFixtures.radioReport("it-closed-0002", 15).replace(IngestFixtures.PLAN, "IG-KH-CLOSED")))
			.hasStatus(HttpStatus.ACCEPTED);

		assertThat(progressRecordsWithId("it-closed-0001")).hasSize(1);
		assertThat(progressRecordsWithId("it-closed-0002")).hasSize(1);
	}

	@Test
	void refusesAnEventIdAlreadyUsedForAnotherReport() {
		assertThat(post(IngestFixtures.radioReport("it-conflict-0001", 15))).hasStatus(HttpStatus.ACCEPTED);

		MvcTestResult other = post(IngestFixtures.radioReport("it-conflict-0001", 16));

		assertThat(other).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fields(other)).containsExactly("eventId");
		assertThat(problem(other).get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/event-id-conflict");
		assertThat(progressRecordsWithId("it-conflict-0001")).hasSize(1);
	}

	@Test
	void refusesAChunkedBodyOverTheCapWhileReadingIt() throws Exception {
		long recordsBefore = topic("cchc.progress").size();
		byte[] body = ("{\"eventId\": \"it-chunked-0001\", \"reporter\": \"" + "x".repeat(1536 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		// An InputStream body has no length known in advance, so the client sends it
		// chunked, without Content-Length.
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/progress"))
			.header("Content-Type", "application/json")
			.header("Authorization", TestTokens.bearer(TestTokens.machine("IG.R")))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(topic("cchc.progress").size()).isEqualTo(recordsBefore);
		assertThat(StoredReceipts.read(this.mongo, "it-chunked-0001")).isNull();
	}

	@Test
	void answersWithAProblemWhenTheBodyIsNotJson() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/progress")
			.with(bearer(TestTokens.machine("IG.R")))
			.contentType(MediaType.TEXT_PLAIN)
			.content("minutes=15")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void describesEveryProgressEndpointWithItsProblemsInOpenApi() {
		MvcTestResult docs = this.mvc.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).exchange();

		assertThat(docs).hasStatusOk();
		JsonNode paths = json.readTree(docs.getResponse().getContentAsByteArray()).get("paths");
		for (String path : List.of("/api/v1/progress", "/api/v1/progress:batch",
				"/api/v1/progress/{eventId}:retract")) {
			JsonNode post = paths.get(path).get("post");
			assertThat(post.get("summary").asString()).as(path).isNotBlank();
			assertThat(post.get("tags").get(0).asString()).isEqualTo("Tiến độ");
			for (String status : List.of("400", "401", "403", "413", "415", "503")) {
				assertThat(post.get("responses").get(status).get("content").has("application/problem+json"))
					.as("%s answers %s with a problem", path, status)
					.isTrue();
			}
		}
		assertThat(paths.get("/api/v1/progress").get("post").get("responses").has("422")).isTrue();
		assertThat(paths.get("/api/v1/progress").get("post").get("security").get(0).has("bearer-jwt")).isTrue();
		assertThat(paths.get("/api/v1/progress").get("post").get("parameters")).as("the caller is no parameter")
			.isNull();
		assertThat(paths.get("/api/v1/progress:batch").get("post").get("responses").has("200")).isTrue();
	}

	private MvcTestResult post(String body) {
		return IngestFixtures.postJson(this.mvc, body, "/api/v1/progress");
	}

	private List<ConsumerRecord<String, String>> progressRecordsWithId(String eventId) {
		return topic("cchc.progress").all()
			.stream()
			.filter((record) -> eventId.equals(json.readTree(record.value()).get("id").asString()))
			.toList();
	}

	private static JsonNode problem(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	private static List<String> fields(MvcTestResult result) {
		return problem(result).get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

}
