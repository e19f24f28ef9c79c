package vn.gov.cchc.plan.ingest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/progress} end to end: the demo units registered through
 * {@code PUT /api/v1/units} and materialized from {@code cchc.units}, reports published
 * to a real broker and read back with a plain Kafka consumer, receipts in MongoDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressIngestionIntegrationTests extends PlanServiceIntegrationTest {

	private static final Path DEMO_UNITS = Path.of("..", "deploy", "local", "demo", "units.json");

	/** A unit that existed only until the end of 2020, to report on after it ended. */
	private static final String ENDED_UNIT = """
			[{"code": "27-OLD", "name": "Phòng Tư pháp cũ", "kind": "OFFICE", "parentCode": "27",
			  "validFrom": "2005-01-01", "validTo": "2020-12-31", "contacts": null}]""";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	@BeforeAll
	void registerDemoUnits() throws Exception {
		List<String> codes = json.readTree(Files.readString(DEMO_UNITS))
			.valueStream()
			.map((unit) -> unit.get("code").asString())
			.toList();
		assertThat(putUnits(Files.readString(DEMO_UNITS))).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits(codes);
		// Its parent must be in the view first: a batch is checked against what is
		// materialized, and the demo units were published a moment ago.
		assertThat(putUnits(ENDED_UNIT)).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits(List.of("27-OLD"));
	}

	private void awaitUnits(List<String> codes) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> codes
				.forEach((code) -> assertThat(this.mvc.get().uri("/api/v1/units/{code}", code)).hasStatusOk()));
	}

	@Test
	void publishesOneCloudEventKeyedByTheUnitOnceTheBrokerHasIt() {
		MvcTestResult result = post(report("it-accept-0001", "09190", "\"minutes\": 15, \"broadcasts\": 1"));

		assertThat(result).hasStatus(HttpStatus.ACCEPTED).hasContentType(MediaType.APPLICATION_JSON);
		JsonNode answer = json.readTree(result.getResponse().getContentAsByteArray());
		assertThat(answer.get("eventId").asString()).isEqualTo("it-accept-0001");
		assertThat(answer.get("status").asString()).isEqualTo("ACCEPTED");

		List<ConsumerRecord<String, String>> records = progressRecordsWithId("it-accept-0001");
		assertThat(records).hasSize(1);
		ConsumerRecord<String, String> record = records.get(0);
		assertThat(record.key()).isEqualTo("09190");
		JsonNode event = json.readTree(record.value());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("type").asString()).isEqualTo(EventTypes.PROGRESS_RECORDED_V1);
		assertThat(event.get("source").asString()).isEqualTo("/cchc/plan-service");
		assertThat(event.get("subject").asString()).isEqualTo("09190");
		assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
		JsonNode data = event.get("data");
		assertThat(data.get("eventId").asString()).isEqualTo("it-accept-0001");
		assertThat(data.get("unitCode").asString()).isEqualTo("09190");
		assertThat(data.get("planId").asString()).isEqualTo("27-22-KH-UBND-2022");
		assertThat(data.get("activityId").asString()).isEqualTo("A1");
		assertThat(data.get("date").asString()).isEqualTo("2026-01-15");
		assertThat(data.get("quantities").get("minutes").asLong()).isEqualTo(15);
		assertThat(data.get("quantities").get("broadcasts").asLong()).isEqualTo(1);
		assertThat(data.get("evidence").get(0).asString()).isEqualTo("https://bacninh.gov.vn/tin-tuc/cchc");
		assertThat(data.get("budgetSpentVnd").asLong()).isEqualTo(500_000);
		assertThat(data.get("reporter").asString()).isEqualTo("Nguyễn Thị Hà");
		assertThat(data.get("recordedAt").asString()).isEqualTo(answer.get("recordedAt").asString());
		assertThat(event.get("time").asString()).isEqualTo(answer.get("recordedAt").asString());

		ProgressReceipt receipt = this.mongo.findById("it-accept-0001", ProgressReceipt.class);
		assertThat(receipt).isNotNull();
		assertThat(receipt.isRecorded()).isTrue();
		assertThat(receipt.recordedAt()).hasToString(answer.get("recordedAt").asString());
	}

	@Test
	void acceptsTheSameReportAgainWithoutPublishingIt() {
		String body = report("it-retry-0001", "09193", "\"minutes\": 30");
		MvcTestResult first = post(body);
		assertThat(first).hasStatus(HttpStatus.ACCEPTED);
		double duplicatesBefore = this.meters.counter("cchc.ingest.duplicates").count();

		// The same report, spelled differently: other key order, an unknown field, the
		// default budget written out.
		MvcTestResult again = post("""
				{"reporter": "Nguyễn Thị Hà", "budgetSpentVnd": 500000, "clientVersion": "2.1",
				 "quantities": {"minutes": 30}, "date": "2026-01-15", "activityId": "A1",
				 "planId": "27-22-KH-UBND-2022", "unitCode": "09193", "eventId": "it-retry-0001",
				 "evidence": ["https://bacninh.gov.vn/tin-tuc/cchc"]}""");

		assertThat(again).hasStatus(HttpStatus.ACCEPTED);
		assertThat(json.readTree(again.getResponse().getContentAsByteArray()).get("recordedAt"))
			.isEqualTo(json.readTree(first.getResponse().getContentAsByteArray()).get("recordedAt"));
		assertThat(progressRecordsWithId("it-retry-0001")).hasSize(1);
		assertThat(this.meters.counter("cchc.ingest.duplicates").count()).isEqualTo(duplicatesBefore + 1);
	}

	@Test
	void refusesAnEventIdAlreadyUsedForAnotherReport() {
		assertThat(post(report("it-conflict-0001", "09247", "\"minutes\": 15"))).hasStatus(HttpStatus.ACCEPTED);

		MvcTestResult other = post(report("it-conflict-0001", "09247", "\"minutes\": 16"));

		assertThat(other).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fields(other)).containsExactly("eventId");
		assertThat(problem(other).get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/event-id-conflict");
		assertThat(progressRecordsWithId("it-conflict-0001")).hasSize(1);
	}

	static Stream<Arguments> invalidReports() {
		String tenMegabytes = "{\"eventId\": \"it-huge-0001\", \"reporter\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
		return Stream.of(
				Arguments.of("missing reporter", valid("it-bad-0001").replace("\"reporter\":", "\"reporterName\":"),
						400, "reporter"),
				Arguments.of("date as a number", valid("it-bad-0002").replace("\"2026-01-15\"", "5"), 400, "date"),
				Arguments.of("quantity as text",
						valid("it-bad-0003").replace("\"minutes\": 15", "\"minutes\": \"abc\""), 400,
						"quantities.minutes"),
				Arguments.of("quantity as a numeric string",
						valid("it-bad-0004").replace("\"minutes\": 15", "\"minutes\": \"15\""), 400,
						"quantities.minutes"),
				Arguments.of("negative quantity", valid("it-bad-0005").replace("\"minutes\": 15", "\"minutes\": -5"),
						400, "quantities.minutes"),
				Arguments.of("fractional quantity", valid("it-bad-0006").replace("\"minutes\": 15", "\"minutes\": 1.5"),
						400, "quantities.minutes"),
				Arguments.of("unknown unit", valid("it-bad-0007").replace("\"09190\"", "\"99999\""), 422, "unitCode"),
				Arguments.of("unit ended before the date",
						valid("it-bad-0008").replace("\"09190\"", "\"27-OLD\"").replace("2026-01-15", "2021-01-01"),
						422, "unitCode"),
				Arguments.of("malformed JSON", valid("it-bad-0009").replace("\"2026-01-15\"", "2026-01-15"), 400,
						"date"),
				Arguments.of("truncated JSON", "{\"eventId\": \"it-bad-0010\", \"unitCode\": \"091", 400, "unitCode"),
				Arguments.of("evidence that is not http",
						valid("it-bad-0011").replace("https://bacninh.gov.vn/tin-tuc/cchc", "ftp://bacninh.gov.vn/a"),
						400, "evidence[0]"),
				Arguments.of("more than 20 evidence links",
						valid("it-bad-0012").replace("[\"https://bacninh.gov.vn/tin-tuc/cchc\"]",
								IntStream.range(0, 21)
									.mapToObj((i) -> "\"https://bacninh.gov.vn/" + i + "\"")
									.toList()
									.toString()),
						400, "evidence"),
				Arguments.of("a 10 MB body", tenMegabytes, 413, "body"),
				Arguments.of("date before 2000", valid("it-bad-0013").replace("2026-01-15", "1999-12-31"), 400, "date"),
				Arguments.of("date after tomorrow", valid("it-bad-0014").replace("2026-01-15", "2099-01-01"), 400,
						"date"),
				Arguments.of("impossible date", valid("it-bad-0015").replace("2026-01-15", "2026-02-30"), 400, "date"),
				Arguments.of("negative budget", valid("it-bad-0016").replace("500000", "-1"), 400, "budgetSpentVnd"),
				Arguments.of("event id too short", valid("it-bad-0017").replace("it-bad-0017", "short"), 400,
						"eventId"),
				Arguments.of("quantities empty", valid("it-bad-0018").replace("{\"minutes\": 15}", "{}"), 400,
						"quantities"),
				Arguments.of("body not an object", "[1, 2, 3]", 400, "body"),
				Arguments.of("empty body", "", 400, "body"));
	}

	@ParameterizedTest(name = "{0} -> {2} naming {3}")
	@MethodSource("invalidReports")
	void refusesAnInvalidReportNamingTheFieldAndKeepsNothing(String name, String body, int status, String field) {
		long recordsBefore = topic("cchc.progress").size();
		long receiptsBefore = this.mongo.getCollection(ProgressReceipts.COLLECTION).countDocuments();
		double rejectedBefore = rejected();

		MvcTestResult result = post(body);

		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = problem(result);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("type").asString()).startsWith("https://cchc.gov.vn/problems/");
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/progress");
		assertThat(fields(result)).contains(field);
		assertThat(topic("cchc.progress").size()).isEqualTo(recordsBefore);
		assertThat(this.mongo.getCollection(ProgressReceipts.COLLECTION).countDocuments()).isEqualTo(receiptsBefore);
		assertThat(rejected()).isEqualTo(rejectedBefore + 1);
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
		assertThat(this.mongo.findById("it-chunked-0001", ProgressReceipt.class)).isNull();
	}

	@Test
	void answersWithAProblemWhenTheBodyIsNotJson() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/progress")
			.contentType(MediaType.TEXT_PLAIN)
			.content("minutes=15")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static String report(String eventId, String unitCode, String quantities) {
		return """
				{"eventId": "%s", "unitCode": "%s", "planId": "27-22-KH-UBND-2022", "activityId": "A1",
				 "date": "2026-01-15", "quantities": {%s},
				 "evidence": ["https://bacninh.gov.vn/tin-tuc/cchc"], "budgetSpentVnd": 500000,
				 "reporter": "Nguyễn Thị Hà"}""".formatted(eventId, unitCode, quantities);
	}

	private static String valid(String eventId) {
		return report(eventId, "09190", "\"minutes\": 15");
	}

	private MvcTestResult post(String body) {
		return this.mvc.post()
			.uri("/api/v1/progress")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private MvcTestResult putUnits(String body) {
		return this.mvc.put()
			.uri("/api/v1/units")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private List<ConsumerRecord<String, String>> progressRecordsWithId(String eventId) {
		return topic("cchc.progress").all()
			.stream()
			.filter((record) -> eventId.equals(json.readTree(record.value()).get("id").asString()))
			.toList();
	}

	private double rejected() {
		return this.meters.find("cchc.ingest.rejected").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private static JsonNode problem(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	private static List<String> fields(MvcTestResult result) {
		return problem(result).get("errors").valueStream().map((error) -> error.get("field").asString()).toList();
	}

}
