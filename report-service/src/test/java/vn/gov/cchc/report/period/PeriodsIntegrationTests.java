package vn.gov.cchc.report.period;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Must-show 1 through the running service: the demo units and the Bắc Ninh seed plan go
 * in over Kafka as plan-service publishes them, progress is dated on both sides of each
 * cut-off, and the periods and figures come out of the REST API. The 6-month report is
 * cut off on 7 June 2022 (due before 15/6) and the annual one on 13 November 2022 (due
 * before 20/11), earlier than Decree 09/2019's 14 June and 14 December.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, topics = { Topics.UNITS, Topics.PLANS, Topics.PROGRESS },
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodsIntegrationTests {

	private static final String PLAN = "27-2022-22-KH-UBND";

	private static final Path DEMO = Path.of("../deploy/local/demo");

	/** Sở Nội vụ, reading the whole province. */
	private static final TestCaller READER = TestCaller.reviewer("27-SNV");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	private KafkaTestEvents events;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-report-periods-it");
	}

	@BeforeAll
	void publishTheDemoUnitsTheSeedPlanAndProgressAroundTheCutOffs() {
		this.events = new KafkaTestEvents(this.broker.getBrokersAsString());
		Instant at = Instant.parse("2022-01-18T02:00:00Z");
		for (JsonNode node : this.json.readTree(DEMO.resolve("units.json").toFile())) {
			this.events.unitRegistered(this.json.treeToValue(node, UnitDetails.class), at);
		}
		ObjectNode body = (ObjectNode) this.json.readTree(DEMO.resolve("plans/" + PLAN + ".json").toFile());
		body.put("version", 1);
		body.put("status", PlanStatus.ISSUED.name());
		PlanDetails plan = this.json.treeToValue(body, PlanDetails.class);
		this.events.planIssued(plan, at);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(get("/api/v1/periods?plan=" + PLAN + "&year=2022").statusCode()).isEqualTo(200));
		// Phường Vũ Ninh's radio column (HD07), one broadcast of 15 minutes a day.
		for (String day : List.of("2022-06-07", "2022-06-08", "2022-11-13", "2022-11-14")) {
			ProgressRecorded fact = new ProgressRecorded("vu-ninh-" + day, "09190", PLAN, "HD07", LocalDate.parse(day),
					Map.of("broadcasts", 1L, "minutes", 15L), List.of(), 0, "Nguyễn Thị Hà", at);
			this.events.progress(fact);
		}
	}

	@AfterAll
	void closeProducer() {
		this.events.close();
	}

	@Test
	void theSeedPlansPeriodsAreCutOffBeforeTheirDueDatesWithLowerLevelsEarlier() throws Exception {
		JsonNode periods = this.json.readTree(get("/api/v1/periods?plan=" + PLAN + "&year=2022").body());

		assertThat(periods).hasSize(2);
		JsonNode firstHalf = periods.get(0);
		assertThat(firstHalf.get("id").asString()).isEqualTo("2022-H1");
		assertThat(firstHalf.get("start").asString()).isEqualTo("2021-11-15");
		assertThat(firstHalf.get("cutOff").asString()).isEqualTo("2022-06-07");
		assertThat(firstHalf.get("dueDates").get("COMMUNE").asString()).isEqualTo("2022-06-09");
		assertThat(firstHalf.get("dueDates").get("DISTRICT").asString()).isEqualTo("2022-06-14");
		assertThat(firstHalf.get("dueDates").get("DEPARTMENT").asString()).isEqualTo("2022-06-14");
		JsonNode year = periods.get(1);
		assertThat(year.get("id").asString()).isEqualTo("2022-Y");
		assertThat(year.get("cutOff").asString()).isEqualTo("2022-11-13");
		assertThat(year.get("dueDates").get("COMMUNE").asString()).isEqualTo("2022-11-15");
		assertThat(year.get("dueDates").get("DISTRICT").asString()).isEqualTo("2022-11-18");
		for (JsonNode period : periods) {
			period.get("dueDates").properties().forEach((due) -> {
				LocalDate day = LocalDate.parse(due.getValue().asString());
				assertThat(day.getDayOfWeek()).as(due.getKey()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
				assertThat(day).as(due.getKey()).isAfter(LocalDate.parse(period.get("cutOff").asString()));
			});
		}
	}

	@Test
	void progressOnEachSideOfACutOffCountsInItsOwnPeriodUpToTheProvince() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			// 7/6 is the first half's last day; 8/6 belongs to the second half.
			assertThat(broadcasts("09190", "2022-H1")).isEqualTo(1);
			assertThat(broadcasts("09190", "2022-H2")).isEqualTo(2);
			// 13/11 is the last day of 2022's reporting year; 14/11 opens 2023's.
			assertThat(broadcasts("09190", "2022-Y")).isEqualTo(3);
			assertThat(broadcasts("09190", "2023-Y")).isEqualTo(1);
			// In 2022 Vũ Ninh rolls up through Thành phố Bắc Ninh (256) to the province.
			assertThat(broadcasts("256", "2022-Y")).isEqualTo(3);
			assertThat(broadcasts("27", "2022-H1")).isEqualTo(1);
		});
	}

	@Test
	void aMalformedPeriodIsAProblemNamingIt() throws Exception {
		HttpResponse<String> response = get("/api/v1/figures/09190?plan=" + PLAN + "&period=2022-H3");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("errors").get(0).get("field").asString())
			.isEqualTo("period");
		assertThat(get("/api/v1/periods?plan=" + PLAN + "&year=20x2").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/periods?plan=KHONG-CO&year=2022").statusCode()).isEqualTo(404);
	}

	private long broadcasts(String unitCode, String period) throws Exception {
		HttpResponse<String> response = get("/api/v1/figures/" + unitCode + "?plan=" + PLAN + "&period=" + period);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode quantities = this.json.readTree(response.body()).get("total").get("quantities");
		return quantities.has("broadcasts") ? quantities.get("broadcasts").asLong() : 0;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", READER.authorization())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
