package vn.gov.cchc.report.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.KafkaTestEvents;
import vn.gov.cchc.report.TestCaller;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard of the running service against a real Kafka broker: a small part of the
 * Bắc Ninh tree, the Bắc Ninh plan and seven facts go in through {@code cchc.units},
 * {@code cchc.plans} and {@code cchc.progress}; the overview, drill-downs, series,
 * targets and indexes come out of the REST API and a new fact out of the live stream.
 * <p>
 * The facts, in the first half of 2022 (15/11/2021–07/06/2022) unless said: Vũ Ninh HD07
 * on 2/3 (2 broadcasts, 30 minutes, 100,000 VND), Đáp Cầu HD07 on 9/3 (1, 15), Thị trấn
 * Chờ HD08 on 10/5 (200 copies), Thành phố Bắc Ninh HD01 on 4/4 (3 postings), the radio
 * HD05 on 4/5 and 11/5 (1 broadcast, 20 minutes each), and Vũ Ninh HD07 on 1/7, after the
 * half (5 broadcasts, 60 minutes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cchc.report.dashboard.stream.heartbeat=1s")
@EmbeddedKafka(partitions = 3,
		topics = { Topics.UNITS, Topics.PLANS, Topics.PROGRESS, "cchc.units.dlq", "cchc.plans.dlq",
				"cchc.progress.dlq" },
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIntegrationTests {

	private static final String PLAN = "27-2022-22-KH-UBND";

	private static final Path DEMO = Path.of("../deploy/local/demo");

	private static final List<String> TREE = List.of("27", "256", "258", "27-DPTTH", "09190", "09193", "09247");

	private static final Instant AT = Instant.parse("2022-01-18T02:00:00Z");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/**
	 * Reads the whole province. The tree here has no Sở Nội vụ (it would be a fourth
	 * child of the province), so the reviewer acts for the province itself.
	 */
	private static final TestCaller READER = TestCaller.reviewer("27");

	private static final TestCaller INDEX_REVIEWER = TestCaller.of("reviewer@snv", "Lê Thị Mai", "27", "reviewer");

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private FiguresStream stream;

	private KafkaTestEvents events;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-report-dashboard-it");
	}

	@BeforeAll
	void publishTreePlanAndFacts() {
		this.events = new KafkaTestEvents(this.broker.getBrokersAsString());
		for (UnitDetails unit : this.json.readValue(DEMO.resolve("units.json").toFile(), UnitDetails[].class)) {
			if (TREE.contains(unit.code())) {
				this.events.unitRegistered(unit, AT);
			}
		}
		ObjectNode body = (ObjectNode) this.json.readTree(DEMO.resolve("plans/" + PLAN + ".json").toFile());
		body.put("version", 1);
		body.put("status", PlanStatus.ISSUED.name());
		PlanDetails plan = this.json.treeToValue(body, PlanDetails.class);
		this.events.planIssued(plan, AT);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(TREE).allSatisfy((code) -> assertThat(
					get("/api/v1/dashboard/" + code + "/overview?plan=" + PLAN + "&period=2022-H1").status())
				.isEqualTo(200)));
		fact("09190", "HD07", LocalDate.of(2022, 3, 2), Map.of("broadcasts", 2L, "minutes", 30L), 100_000);
		fact("09193", "HD07", LocalDate.of(2022, 3, 9), Map.of("broadcasts", 1L, "minutes", 15L), 0);
		fact("09247", "HD08", LocalDate.of(2022, 5, 10), Map.of("copies", 200L), 0);
		fact("256", "HD01", LocalDate.of(2022, 4, 4), Map.of("postings", 3L), 0);
		fact("27-DPTTH", "HD05", LocalDate.of(2022, 5, 4), Map.of("broadcasts", 1L, "minutes", 20L), 0);
		fact("27-DPTTH", "HD05", LocalDate.of(2022, 5, 11), Map.of("broadcasts", 1L, "minutes", 20L), 0);
		fact("09190", "HD07", LocalDate.of(2022, 7, 1), Map.of("broadcasts", 5L, "minutes", 60L), 0);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(overview("27", "2022-Y").body().at("/total/events").asLong()).isEqualTo(7));
	}

	@AfterAll
	void closeProducer() {
		this.events.close();
	}

	@Test
	@Order(1)
	void theOverviewSumsTheHalfYearPerActivityCountsTargetsAndListsTheChildren() {
		JsonNode overview = overview("27", "2022-H1").body();

		assertThat(overview.get("name").asString()).isEqualTo("Tỉnh Bắc Ninh");
		assertThat(overview.at("/period/start").asString()).isEqualTo("2021-11-15");
		assertThat(overview.at("/period/end").asString()).isEqualTo("2022-06-07");
		assertThat(overview.at("/total/events").asLong()).isEqualTo(6);
		assertThat(overview.at("/total/budgetSpentVnd").asLong()).isEqualTo(100_000);
		assertThat(overview.at("/total/quantities/broadcasts").asLong()).isEqualTo(5);
		assertThat(overview.at("/total/quantities/minutes").asLong()).isEqualTo(85);
		assertThat(overview.at("/total/quantities/copies").asLong()).isEqualTo(200);
		assertThat(overview.at("/total/quantities/postings").asLong()).isEqualTo(3);
		JsonNode activities = overview.get("activities");
		assertThat(activities.size()).isEqualTo(8);
		assertThat(activities.get(0).get("activityId").asString()).isEqualTo("HD01");
		assertThat(activities.get(0).get("title").asString()).isNotBlank();
		assertThat(activities.get(0).at("/figures/events").asLong()).isEqualTo(1);
		assertThat(activities.get(1).at("/figures/events").asLong()).isZero();
		assertThat(activities.get(4).at("/figures/events").asLong()).isEqualTo(2);
		assertThat(activities.get(6).at("/figures/quantities/broadcasts").asLong()).isEqualTo(3);
		assertThat(activities.get(6).at("/figures/quantities/minutes").asLong()).isEqualTo(45);
		assertThat(activities.get(7).at("/figures/quantities/copies").asLong()).isEqualTo(200);
		// 2 of 29 weeks with a broadcast, 2 of 8 broadcasts, no newspaper column.
		assertThat(overview.at("/targets/met").asLong()).isZero();
		assertThat(overview.at("/targets/notMet").asLong()).isEqualTo(4);
		assertThat(overview.at("/targets/unknown").asLong()).isZero();
		assertThat(overview.at("/targets/results/0/detail").asString())
			.isEqualTo("Đạt 2/29 tuần (mỗi tuần ≥ 1 lần, mỗi lần ≥ 15 phút)");
		assertThat(overview.at("/targets/results/2/actual").asInt()).isEqualTo(2);
		JsonNode children = overview.get("children");
		assertThat(children.size()).isEqualTo(3);
		assertThat(children.get(0).get("unitCode").asString()).isEqualTo("256");
		assertThat(children.get(0).at("/total/events").asLong()).isEqualTo(3);
		assertThat(children.get(1).get("unitCode").asString()).isEqualTo("258");
		assertThat(children.get(1).at("/total/events").asLong()).isEqualTo(1);
		assertThat(children.get(2).get("unitCode").asString()).isEqualTo("27-DPTTH");
		assertThat(children.get(2).at("/total/events").asLong()).isEqualTo(2);
	}

	@Test
	@Order(2)
	void aCalendarQuarterIsAcceptedForDrillDown() {
		// Decree 09's second quarter runs from 15/3 to 14/6: the two March facts are
		// before it.
		JsonNode quarter = overview("27", "2022-Q2").body();

		assertThat(quarter.at("/period/start").asString()).isEqualTo("2022-03-15");
		assertThat(quarter.at("/total/events").asLong()).isEqualTo(4);
	}

	@Test
	@Order(3)
	void theChildrenOfADistrictCarryTheirFiguresPerActivity() {
		Response response = get("/api/v1/dashboard/256/children?plan=" + PLAN + "&period=2022-H1");

		assertThat(response.status()).isEqualTo(200);
		JsonNode children = response.body().get("children");
		assertThat(children.size()).isEqualTo(2);
		assertThat(children.get(0).get("unitCode").asString()).isEqualTo("09190");
		assertThat(children.get(0).get("name").asString()).isEqualTo("Phường Vũ Ninh");
		assertThat(children.get(0).at("/total/budgetSpentVnd").asLong()).isEqualTo(100_000);
		assertThat(children.get(0).at("/activities/6/activityId").asString()).isEqualTo("HD07");
		assertThat(children.get(0).at("/activities/6/figures/quantities/broadcasts").asLong()).isEqualTo(2);
		assertThat(children.get(1).get("unitCode").asString()).isEqualTo("09193");
		assertThat(children.get(1).at("/activities/6/figures/quantities/minutes").asLong()).isEqualTo(15);
	}

	@Test
	@Order(4)
	void theActivityDrillDownGivesMetricsPerChildAndTheCadence() {
		Response response = get("/api/v1/dashboard/27/activities/HD07?plan=" + PLAN + "&period=2022-H1");

		assertThat(response.status()).isEqualTo(200);
		JsonNode activity = response.body();
		assertThat(activity.at("/cadence/kind").asString()).isEqualTo("CONTINUOUS");
		assertThat(activity.at("/total/events").asLong()).isEqualTo(2);
		assertThat(activity.at("/byMetric/broadcasts").asLong()).isEqualTo(3);
		assertThat(activity.at("/byMetric/minutes").asLong()).isEqualTo(45);
		assertThat(activity.at("/children/0/unitCode").asString()).isEqualTo("256");
		assertThat(activity.at("/children/0/byMetric/broadcasts").asLong()).isEqualTo(3);
		assertThat(activity.at("/children/1/figures/events").asLong()).isZero();
		assertThat(activity.at("/children/2/byMetric/minutes").asLong()).isZero();
	}

	@Test
	@Order(5)
	void theWeeklySeriesHasEveryWeekAndTheMonthlyOneEveryMonth() {
		JsonNode weeks = get("/api/v1/dashboard/27/series?plan=" + PLAN + "&from=2022-05-01&to=2022-05-31&by=WEEK")
			.body()
			.get("buckets");
		JsonNode radio = get(
				"/api/v1/dashboard/27/series?plan=" + PLAN + "&from=2022-05-01&to=2022-05-31&by=WEEK&activity=HD05")
			.body()
			.get("buckets");
		JsonNode months = get("/api/v1/dashboard/27/series?plan=" + PLAN + "&from=2022-03-01&to=2022-07-31&by=MONTH")
			.body()
			.get("buckets");

		assertThat(labels(weeks)).containsExactly("2022-W17", "2022-W18", "2022-W19", "2022-W20", "2022-W21",
				"2022-W22");
		assertThat(weeks.get(0).get("firstDay").asString()).isEqualTo("2022-04-25");
		assertThat(events(weeks)).containsExactly(0L, 1L, 2L, 0L, 0L, 0L);
		assertThat(events(radio)).containsExactly(0L, 1L, 1L, 0L, 0L, 0L);
		assertThat(labels(months)).containsExactly("2022-03", "2022-04", "2022-05", "2022-06", "2022-07");
		assertThat(events(months)).containsExactly(2L, 1L, 3L, 0L, 1L);
	}

	@Test
	@Order(6)
	void badParametersAreProblemsNamingTheField() {
		assertProblem(get("/api/v1/dashboard/27/overview?plan=" + PLAN + "&period=2022-X"), 400, "period");
		assertProblem(get("/api/v1/dashboard/27/overview?plan=" + PLAN + "&period=2031-Y"), 404, "period");
		assertProblem(get("/api/v1/dashboard/27/overview?plan=khong-co&period=2022-H1"), 404, "plan");
		assertProblem(get("/api/v1/dashboard/27/overview?period=2022-H1"), 400, "plan");
		assertProblem(get("/api/v1/dashboard/bac-ninh/overview?plan=" + PLAN + "&period=2022-H1"), 400, "unitCode");
		assertProblem(get("/api/v1/dashboard/99/children?plan=" + PLAN + "&period=2022-H1"), 404, "unitCode");
		assertProblem(get("/api/v1/dashboard/27/activities/HD99?plan=" + PLAN + "&period=2022-H1"), 404, "activityId");
		assertProblem(get("/api/v1/dashboard/27/series?plan=" + PLAN + "&from=2022-05-01&to=2022-05-31&by=DAY"), 400,
				"by");
		assertProblem(get("/api/v1/dashboard/27/series?plan=" + PLAN + "&from=2022-05-31&to=2022-05-01"), 400, "to");
		assertProblem(get("/api/v1/dashboard/27/series?plan=" + PLAN + "&from=2022-05-01&to=2022-05-31&activity=HD99"),
				404, "activity");
		assertProblem(get("/api/v1/targets?plan=" + PLAN + "&period=2022-Q2&unit=27"), 404, "period");
		assertProblem(get("/api/v1/targets?plan=" + PLAN + "&period=2022-H1"), 400, "unit");
	}

	@Test
	@Order(7)
	void theTargetsOfAReportedPeriodAreAnswered() {
		Response response = get("/api/v1/targets?plan=" + PLAN + "&period=2022-H1&unit=27-DPTTH");

		assertThat(response.status()).isEqualTo(200);
		JsonNode targets = response.body().get("targets");
		assertThat(targets.size()).isEqualTo(3);
		assertThat(targets.get(2).get("targetId").asString()).isEqualTo("CT03");
		assertThat(targets.get(2).get("actual").asInt()).isEqualTo(2);
		assertThat(targets.get(2).get("met").asBoolean()).isFalse();
		assertThat(targets.get(2).get("gap").asInt()).isEqualTo(-6);
	}

	@Test
	@Order(8)
	void aReviewerRecordsAnIndexAndAMissingTokenAnOfficerOrABadFieldIsRefused() {
		String path = "/api/v1/indexes/27/PAR%20INDEX/2022";
		String valid = "{\"value\": 68.25, \"level\": \"Khá\", \"rank\": 21, \"publishedOn\": \"2023-05-30\", "
				+ "\"source\": \"Quyết định 452/QĐ-BNV\"}";

		Response anonymous = put(path, valid, null);
		Response officer = put(path, valid, TestCaller.officer("27"));
		Response bad = put(path, "{\"value\": -1, \"rank\": 0, \"level\": \"Giỏi\", \"publishedOn\": \"30/05/2023\"}",
				INDEX_REVIEWER);
		Response unknownIndex = put("/api/v1/indexes/27/PARINDEX/2022", valid, INDEX_REVIEWER);
		Response recorded = put(path, valid, INDEX_REVIEWER);
		Response listed = get("/api/v1/indexes/27?year=2022");

		assertProblem(anonymous, 401, "Authorization");
		assertThat(officer.status()).isEqualTo(403);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).containsExactly("value", "level", "rank",
				"publishedOn");
		assertProblem(unknownIndex, 400, "index");
		assertThat(recorded.status()).isEqualTo(200);
		assertThat(recorded.body().get("index").asString()).isEqualTo("PAR_INDEX");
		assertThat(recorded.body().get("value").decimalValue()).isEqualByComparingTo("68.25");
		assertThat(recorded.body().get("recordedBy").asString()).isEqualTo("reviewer@snv");
		assertThat(listed.body().get("indexes").size()).isEqualTo(1);
		assertThat(listed.body().at("/indexes/0/rank").asInt()).isEqualTo(21);
		assertThat(listed.body().at("/indexes/0/audit").size()).isEqualTo(1);
	}

	@Test
	@Order(9)
	void theStreamPushesTheNewFiguresOfTheSubscribedUnit() throws Exception {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		CompletableFuture<HttpResponse<Stream<String>>> response = this.http
			.sendAsync(HttpRequest.newBuilder(url("/api/v1/dashboard/stream?unit=256&plan=" + PLAN))
				.header("Accept", "text/event-stream")
				.header("Authorization", READER.authorization())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
		Thread reader = new Thread(() -> response.join().body().forEach(lines::add), "sse-reader");
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			assertThat(response.get().headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			assertThat(next(lines, (line) -> line.startsWith(":"))).isEqualTo(":subscribed 256");

			fact("09193", "HD07", LocalDate.of(2022, 5, 20), Map.of("broadcasts", 1L, "minutes", 15L), 0);

			assertThat(next(lines, (line) -> line.startsWith("event:"))).isEqualTo("event:figures");
			String id = next(lines, (line) -> line.startsWith("id:"));
			String data = next(lines, (line) -> line.startsWith("data:"));
			// The written change of 256's document of May 2022: its id and version.
			assertThat(id).startsWith("id:256|" + PLAN + "|2022-05@");
			JsonNode update = this.json.readTree(data.substring("data:".length()));
			assertThat(update.get("unitCode").asString()).isEqualTo("256");
			assertThat(update.at("/dates/0").asString()).isEqualTo("2022-05-20");
			assertThat(update.at("/months/0/month").asString()).isEqualTo("2022-05");
			assertThat(update.at("/months/0/total/events").asLong()).isEqualTo(1);
			assertThat(update.at("/months/0/byActivity/HD07/quantities/minutes").asLong()).isEqualTo(15);
			assertThat(next(lines, (line) -> line.equals(":heartbeat"))).isEqualTo(":heartbeat");
		}
		finally {
			response.thenAccept((opened) -> opened.body().close());
			reader.interrupt();
		}
	}

	@Test
	@Order(10)
	void aStreamOfAnUnknownUnitIsAProblem() {
		Response response = get("/api/v1/dashboard/stream?unit=99", "text/event-stream");

		assertProblem(response, 404, "unit");
	}

	@Test
	@Order(11)
	void aStreamOfAUnitOutsideTheCallersScopeIsRefusedBeforeSubscribing() {
		int open = this.stream.subscribers();

		Response sibling = exchange(HttpRequest.newBuilder(url("/api/v1/dashboard/stream?unit=09193&plan=" + PLAN))
			.header("Accept", "text/event-stream")
			.header("Authorization", TestCaller.officer("09190").authorization())
			.GET()
			.build());
		Response machine = exchange(HttpRequest.newBuilder(url("/api/v1/dashboard/stream?unit=09190&plan=" + PLAN))
			.header("Accept", "text/event-stream")
			.header("Authorization", TestCaller.machine("09190").authorization())
			.GET()
			.build());

		assertProblem(sibling, 403, "unit");
		assertThat(machine.status()).isEqualTo(403);
		assertThat(this.stream.subscribers()).isLessThanOrEqualTo(open);
	}

	private static String next(BlockingQueue<String> lines, java.util.function.Predicate<String> wanted)
			throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(1, TimeUnit.SECONDS);
			if (line != null && wanted.test(line)) {
				return line;
			}
		}
		throw new AssertionError("No wanted line within " + PATIENCE);
	}

	private static List<String> labels(JsonNode buckets) {
		List<String> labels = new ArrayList<>();
		buckets.forEach((bucket) -> labels.add(bucket.get("label").asString()));
		return labels;
	}

	private static List<Long> events(JsonNode buckets) {
		List<Long> events = new ArrayList<>();
		buckets.forEach((bucket) -> events.add(bucket.at("/figures/events").asLong()));
		return events;
	}

	private static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(response.body().toString()).doesNotContain("Exception");
	}

	private Response overview(String unitCode, String period) {
		return get("/api/v1/dashboard/" + unitCode + "/overview?plan=" + PLAN + "&period=" + period);
	}

	private String fact(String unitCode, String activityId, LocalDate date, Map<String, Long> quantities,
			long budgetSpentVnd) {
		String eventId = "evt-" + UUID.randomUUID();
		ProgressRecorded fact = new ProgressRecorded(eventId, unitCode, PLAN, activityId, date, quantities,
				List.of(URI.create("https://bacninh.gov.vn/cchc/" + eventId)), budgetSpentVnd, "Nguyễn Thị Hà",
				Instant.now());
		this.events.progress(fact);
		return eventId;
	}

	private Response get(String path) {
		return get(path, "application/json");
	}

	private Response get(String path, String accept) {
		return exchange(HttpRequest.newBuilder(url(path))
			.header("Accept", accept)
			.header("Authorization", READER.authorization())
			.GET()
			.build());
	}

	private Response put(String path, String body, TestCaller caller) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body));
		if (caller != null) {
			request.header("Authorization", caller.authorization());
		}
		return exchange(request.build());
	}

	private Response exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					this.json.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	record Response(int status, String contentType, JsonNode body) {

	}

}
