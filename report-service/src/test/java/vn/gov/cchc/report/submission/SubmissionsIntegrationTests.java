package vn.gov.cchc.report.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.export.ExportFormat;
import vn.gov.cchc.report.KafkaTestEvents;
import vn.gov.cchc.report.TestCaller;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service against a real Kafka broker (embedded, 3 partitions) and the test
 * MongoDB: the tree, the plans and the facts arrive on their topics, rounds are opened
 * over HTTP and by the scan, people act over HTTP with their access tokens, and the
 * lifecycle events are read back from {@code cchc.submissions}. The clock is moved by
 * hand past cut-offs and due dates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cchc.report.submissions.scan-initial-delay=1h", "cchc.report.submissions.scan-interval=1h",
				"cchc.report.submissions.relay-interval=200ms" })
@EmbeddedKafka(partitions = 3, topics = { Topics.UNITS, Topics.PLANS, Topics.PROGRESS, Topics.SUBMISSIONS },
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubmissionsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final String PLAN_2022 = SubmissionFixtures.PLAN_2022;

	private static final String VU_NINH = SubmissionFixtures.id(PLAN_2022, "2022-H1", "09190");

	private static final String DAP_CAU = SubmissionFixtures.id(PLAN_2022, "2022-H1", "09193");

	private static final String THANH_PHO = SubmissionFixtures.id(PLAN_2022, "2022-H1", "256");

	private static final TestCaller COMMUNE_OFFICER = TestCaller.of("nguyen.thi.ha", "Nguyễn Thị Hà", "09190",
			"officer");

	private static final TestCaller DISTRICT_OFFICER = TestCaller.of("tran.van.binh", "Trần Văn Bình", "256",
			"officer");

	/** The same person reviewing the reports his district receives. */
	private static final TestCaller DISTRICT_REVIEWER = TestCaller.of("tran.van.binh", "Trần Văn Bình", "256",
			"reviewer");

	private static final TestCaller OPERATOR = TestCaller.of("le.van.hung", "Lê Văn Hùng", "27", "admin");

	/** Sở Nội vụ, reading the whole province. */
	private static final TestCaller PROVINCE_REVIEWER = TestCaller.reviewer("27-SNV");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<ConsumerRecord<String, String>> published = new CopyOnWriteArrayList<>();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private MutableClock clock;

	@Autowired
	private SubmissionRounds rounds;

	private KafkaTestEvents publisher;

	private KafkaConsumer<String, String> consumer;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-report-submissions-it");
	}

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(MutableClock.morningOf(LocalDate.of(2022, 6, 1)));
		}

	}

	@BeforeAll
	void publishTheTreeThePlansAndTheFacts() {
		this.publisher = new KafkaTestEvents(this.broker.getBrokersAsString());
		Properties consumerProperties = new Properties();
		consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "submissions-reader-" + UUID.randomUUID());
		consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer());
		this.consumer.subscribe(List.of(Topics.SUBMISSIONS));

		for (UnitDetails unit : SubmissionFixtures.TREE) {
			this.publisher.unitRegistered(unit, SubmissionFixtures.REGISTERED_AT);
		}
		for (PlanDetails plan : List.of(SubmissionFixtures.plan2022(), SubmissionFixtures.plan2026())) {
			this.publisher.planIssued(plan, SubmissionFixtures.REGISTERED_AT);
		}
		publish(fact("evt-vn-radio", "09190", "HD07", LocalDate.of(2022, 3, 2), Map.of("broadcasts", 4L)));
		publish(fact("evt-dc-tv", "09193", "HD05", LocalDate.of(2022, 4, 4), Map.of("minutes", 30L)));
		await().atMost(PATIENCE).untilAsserted(() -> {
			Response figures = call("GET", "/api/v1/figures/27?plan=" + PLAN_2022 + "&from=2021-11-15&to=2022-06-07",
					PROVINCE_REVIEWER, null);
			// 404 until the province's registration has arrived.
			assertThat(figures.status()).isEqualTo(200);
			assertThat(figures.body().get("total").get("events").asLong()).isEqualTo(2);
		});
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(
					call("GET", "/api/v1/reporting-rates?plan=" + SubmissionFixtures.PLAN_2026 + "&period=2026-H1",
							PROVINCE_REVIEWER, null)
						.status())
				.isEqualTo(200));
	}

	@AfterAll
	void close() {
		this.publisher.close();
		this.consumer.close();
	}

	@Test
	@Order(1)
	void anOperatorOpensTheFirstHalfOf2022OnceAndEveryUnitThatOwesIsToldOnce() {
		this.clock.setMorningOf(LocalDate.of(2022, 6, 8));

		Response opened = call("POST", "/api/v1/admin/periods:open?plan=" + PLAN_2022 + "&period=2022-H1", OPERATOR,
				null);
		Response again = call("POST", "/api/v1/admin/periods:open?plan=" + PLAN_2022 + "&period=2022-H1", OPERATOR,
				null);

		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.body().get("expectedReports").asInt()).isEqualTo(6);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("opened").asBoolean()).isFalse();
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(EventTypes.SUBMISSION_DUE_V1)).hasSize(6));
		List<JsonNode> due = events(EventTypes.SUBMISSION_DUE_V1);
		assertThat(due).extracting((event) -> event.get("data").get("unitCode").asString())
			.containsExactlyInAnyOrder("27-STTTT", "256", "258", "09190", "09193", "09247");
		JsonNode vuNinhDue = due.stream()
			.filter((event) -> event.get("subject").asString().equals(VU_NINH))
			.findFirst()
			.orElseThrow();
		assertThat(vuNinhDue.get("data").get("dueDate").asString()).isEqualTo("2022-06-09");
		assertThat(vuNinhDue.get("data").get("receiverUnitCode").asString()).isEqualTo("256");
		assertThat(vuNinhDue.get("data").get("cutOff").asString()).isEqualTo("2022-06-07");
		assertThat(keysOf(EventTypes.SUBMISSION_DUE_V1)).contains(VU_NINH);
		List<JsonNode> periodOpened = events(EventTypes.PERIOD_OPENED_V1);
		assertThat(periodOpened).hasSize(1);
		assertThat(periodOpened.get(0).get("data").get("expectedReports").asInt()).isEqualTo(6);
		assertThat(keysOf(EventTypes.PERIOD_OPENED_V1)).containsExactly(PLAN_2022);

		Response draft = call("GET", "/api/v1/submissions/" + VU_NINH, COMMUNE_OFFICER, null);
		assertThat(draft.body().get("status").asString()).isEqualTo("DRAFT");
		assertThat(
				activity(draft.body().get("figures"), "HD07").get("tally").get("quantities").get("broadcasts").asLong())
			.isEqualTo(4);
		Response district = call("GET", "/api/v1/submissions/" + THANH_PHO, DISTRICT_OFFICER, null);
		assertThat(district.body().get("children").findValuesAsString("unitCode")).containsExactly("09190", "09193");
	}

	@Test
	@Order(2)
	void aCommuneAndItsDistrictSubmitOnTime() {
		TestCaller dapCau = TestCaller.of("pham.thu.trang", "Phạm Thu Trang", "09193", "officer");
		writeNarrative(DAP_CAU, dapCau, "Phát 2 chuyên mục truyền hình.");
		assertThat(call("POST", "/api/v1/submissions/" + DAP_CAU + ":submit", dapCau, null).status()).isEqualTo(200);
		writeNarrative(THANH_PHO, DISTRICT_OFFICER, "Tổng hợp các phường.");
		Response district = call("POST", "/api/v1/submissions/" + THANH_PHO + ":submit", DISTRICT_OFFICER, null);

		assertThat(district.body().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(district.body().get("late").asBoolean()).isFalse();
		assertThat(call("GET", "/api/v1/submissions?plan=" + PLAN_2022 + "&period=2022-H1&unit=256", DISTRICT_OFFICER,
				null)
			.body()
			.findValuesAsString("status")).containsExactly("SUBMITTED", "DRAFT", "SUBMITTED");
	}

	@Test
	@Order(3)
	void afterTheDueDatesTheScanMarksEveryDraftOverdueOnce() {
		this.clock.setMorningOf(LocalDate.of(2022, 6, 20));

		this.rounds.scan();
		this.rounds.scan();

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(EventTypes.SUBMISSION_OVERDUE_V1)).hasSize(4));
		assertThat(events(EventTypes.SUBMISSION_OVERDUE_V1))
			.extracting((event) -> event.get("data").get("unitCode").asString())
			.containsExactlyInAnyOrder("09190", "09247", "258", "27-STTTT");
	}

	@Test
	@Order(4)
	void mustShow3DraftSubmittedReturnedResubmittedApprovedThenALateFactMakesARevision() throws Exception {
		Response draft = call("GET", "/api/v1/submissions/" + VU_NINH, COMMUNE_OFFICER, null);
		assertThat(draft.body().get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.body().get("overdue").asBoolean()).isTrue();

		writeNarrative(VU_NINH, COMMUNE_OFFICER, "Phát 4 chuyên mục trên đài truyền thanh phường.");
		Response submitted = call("POST", "/api/v1/submissions/" + VU_NINH + ":submit", COMMUNE_OFFICER, null);
		assertThat(submitted.body().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.body().get("version").asInt()).isEqualTo(1);
		assertThat(submitted.body().get("late").asBoolean()).isTrue();

		Response byTheOfficer = call("POST", "/api/v1/submissions/" + VU_NINH + ":return", DISTRICT_OFFICER,
				"{\"comment\": \"Đề nghị bổ sung số phút phát sóng.\"}");
		assertThat(byTheOfficer.status()).as("an officer is no reviewer").isEqualTo(403);
		Response returned = call("POST", "/api/v1/submissions/" + VU_NINH + ":return", DISTRICT_REVIEWER,
				"{\"comment\": \"Đề nghị bổ sung số phút phát sóng.\"}");
		assertThat(returned.body().get("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.body().get("statusLabel").asString()).isEqualTo("Bị trả lại");

		writeNarrative(VU_NINH, COMMUNE_OFFICER, "Phát 4 chuyên mục, tổng 60 phút.");
		Response resubmitted = call("POST", "/api/v1/submissions/" + VU_NINH + ":submit", COMMUNE_OFFICER, null);
		assertThat(resubmitted.body().get("version").asInt()).isEqualTo(2);

		Response approved = call("POST", "/api/v1/submissions/" + VU_NINH + ":approve", DISTRICT_REVIEWER, null);
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
		JsonNode frozen = approved.body().get("figures");
		assertThat(activity(frozen, "HD07").get("tally").get("quantities").get("broadcasts").asLong()).isEqualTo(4);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(eventsOf(VU_NINH)).extracting((event) -> event.get("type").asString())
				.containsExactly(EventTypes.SUBMISSION_DUE_V1, EventTypes.SUBMISSION_OVERDUE_V1,
						EventTypes.SUBMISSION_SUBMITTED_V1, EventTypes.SUBMISSION_RETURNED_V1,
						EventTypes.SUBMISSION_SUBMITTED_V1, EventTypes.SUBMISSION_APPROVED_V1));
		List<JsonNode> lifecycle = eventsOf(VU_NINH);
		assertThat(lifecycle.get(2).get("data").get("version").asInt()).isEqualTo(1);
		assertThat(lifecycle.get(2).get("data").get("late").asBoolean()).isTrue();
		assertThat(lifecycle.get(2).get("data").get("submittedBy").asString()).isEqualTo("nguyen.thi.ha");
		assertThat(lifecycle.get(3).get("data").get("comment").asString())
			.isEqualTo("Đề nghị bổ sung số phút phát sóng.");
		assertThat(lifecycle.get(3).get("data").get("returnedBy").asString()).isEqualTo("tran.van.binh");
		assertThat(lifecycle.get(4).get("data").get("version").asInt()).isEqualTo(2);
		assertThat(lifecycle.get(4).get("data").get("late").asBoolean()).isTrue();
		assertThat(lifecycle.get(5).get("data").get("version").asInt()).isEqualTo(2);
		assertThat(lifecycle.get(5).get("data").get("approvedBy").asString()).isEqualTo("tran.van.binh");

		publish(fact("evt-vn-late", "09190", "HD07", LocalDate.of(2022, 5, 20), Map.of("broadcasts", 2L)));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(call("GET", "/api/v1/submissions/" + VU_NINH, COMMUNE_OFFICER, null).body()
				.get("revisionPending")
				.asBoolean()).isTrue());
		JsonNode after = call("GET", "/api/v1/submissions/" + VU_NINH, COMMUNE_OFFICER, null).body();
		assertThat(after.get("status").asString()).isEqualTo("APPROVED");
		assertThat(after.get("figures")).isEqualTo(frozen);
		JsonNode revision = after.get("revisions").get(0);
		assertThat(revision.get("reason").asString()).isEqualTo("Có số liệu mới sau khi đã nộp/duyệt");
		assertThat(activity(revision.get("figures"), "HD07").get("tally").get("quantities").get("broadcasts").asLong())
			.isEqualTo(6);
		// The district's report, submitted before, rolls the commune up: it gets a
		// revision
		// too.
		JsonNode district = call("GET", "/api/v1/submissions/" + THANH_PHO, DISTRICT_OFFICER, null).body();
		assertThat(district.get("revisionPending").asBoolean()).isTrue();
		assertThat(district.get("children").get(0).get("status").asString()).isEqualTo("APPROVED");

		Response audit = call("GET", "/api/v1/submissions/" + VU_NINH + "/audit", DISTRICT_OFFICER, null);
		assertThat(audit.status()).isEqualTo(200);
		List<String> steps = new ArrayList<>();
		for (JsonNode entry : audit.body()) {
			steps.add(entry.get("action").asString() + " " + entry.get("actor").asString() + " "
					+ entry.get("from").asString() + "→" + entry.get("to").asString());
			assertThat(Instant.parse(entry.get("at").asString())).isNotNull();
		}
		assertThat(steps).containsExactly("OPEN le.van.hung DRAFT→DRAFT", "OVERDUE hệ thống DRAFT→DRAFT",
				"EDIT_NARRATIVE nguyen.thi.ha DRAFT→DRAFT", "SUBMIT nguyen.thi.ha DRAFT→SUBMITTED",
				"RETURN tran.van.binh SUBMITTED→RETURNED", "EDIT_NARRATIVE nguyen.thi.ha RETURNED→RETURNED",
				"SUBMIT nguyen.thi.ha RETURNED→SUBMITTED", "APPROVE tran.van.binh SUBMITTED→APPROVED",
				"REVISION hệ thống APPROVED→APPROVED");
		assertThat(audit.body().get(4).get("comment").asString()).isEqualTo("Đề nghị bổ sung số phút phát sóng.");
		assertThat(audit.body().get(4).get("unit").asString()).isEqualTo("256");
		assertThat(audit.body().get(4).get("actorName").asString()).isEqualTo("Trần Văn Bình");
		assertThat(audit.body().get(3).get("actorName").asString()).isEqualTo("Nguyễn Thị Hà");
		assertThat(audit.body().get(3).get("unit").asString()).isEqualTo("09190");
		assertThat(audit.body().get(0).get("actorName").asString()).isEqualTo("Lê Văn Hùng");
		assertThat(audit.body().get(0).get("unit").asString()).isEqualTo("27");
		assertThat(audit.body().get(1).get("unit").isNull()).isTrue();
	}

	@Test
	@Order(5)
	void badRequestsAreProblemsNamingTheFieldAndStoreNothing() {
		assertProblem(call("GET", "/api/v1/submissions/" + SubmissionFixtures.id(PLAN_2022, "2022-Y", "09190"),
				COMMUNE_OFFICER, null), 404, "unknown-submission", "id");
		assertProblem(call("GET", "/api/v1/submissions/khong-phai-ma", COMMUNE_OFFICER, null), 400, "invalid-field",
				"id");
		assertProblem(call("GET", "/api/v1/submissions?plan=-x", COMMUNE_OFFICER, null), 400, "invalid-plan-id",
				"plan");
		assertProblem(call("GET", "/api/v1/submissions?plan=" + PLAN_2022 + "&period=2022-Q3", COMMUNE_OFFICER, null),
				400, "invalid-field", "period");
		assertProblem(call("GET", "/api/v1/submissions/" + VU_NINH, null, null), 401, "unauthenticated",
				"Authorization");
		assertProblem(call("POST", "/api/v1/submissions/" + VU_NINH + ":approve", TestCaller.reviewer("258"), null),
				403, "forbidden", "id");
		Response officerApproving = call("POST", "/api/v1/submissions/" + VU_NINH + ":approve",
				TestCaller.officer("09193"), null);
		assertThat(officerApproving.status()).isEqualTo(403);
		assertThat(officerApproving.body().get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/forbidden");
		assertProblem(call("PUT", "/api/v1/submissions/" + VU_NINH + "/narrative", TestCaller.officer("09193"),
				"{\"results\": \"Hộ\", \"revision\": 0}"), 403, "forbidden", "id");
		Response wrongState = call("POST", "/api/v1/submissions/" + VU_NINH + ":approve", DISTRICT_REVIEWER, null);
		assertProblem(wrongState, 409, "wrong-state", "status");
		assertThat(wrongState.body().get("detail").asString()).contains("«Đã duyệt»");
		assertProblem(call("POST", "/api/v1/submissions/" + VU_NINH + ":return", DISTRICT_REVIEWER, "{}"), 400,
				"invalid-field", "comment");

		String choTown = SubmissionFixtures.id(PLAN_2022, "2022-H1", "09247");
		TestCaller choOfficer = TestCaller.of("do.minh.tuan", "Đỗ Minh Tuấn", "09247", "officer");
		Response oversize = call("PUT", "/api/v1/submissions/" + choTown + "/narrative", choOfficer,
				"{\"results\": \"Kết quả\", \"shortcomings\": \"" + "x".repeat(20_001) + "\", \"revision\": 0}");
		assertProblem(oversize, 400, "invalid-field", "shortcomings");
		Response stale = call("PUT", "/api/v1/submissions/" + choTown + "/narrative", choOfficer,
				"{\"results\": \"Kết quả\", \"revision\": 7}");
		assertProblem(stale, 409, "stale-revision", "revision");
		JsonNode untouched = call("GET", "/api/v1/submissions/" + choTown, choOfficer, null).body();
		assertThat(untouched.get("narrative").get("results").asString()).isEmpty();
		assertThat(untouched.get("revision").asLong()).isZero();
		assertThat(oversize.body().toString()).doesNotContain("Exception");
	}

	@Test
	@Order(6)
	void mustShow4RatesOfTheFirstHalfOf2022OnTheThreeLevelTreeMatchAHandCount() {
		// Owed: 27-STTTT (department), 256 and 258 (districts), 09190, 09193 and 09247
		// (communes); 27-SNV receives. Submitted: 09193 and 256 on time on 8 June, 09190
		// late on 20 June. So 6 expected, 3 actual, 2 on time.
		JsonNode rates = call("GET", "/api/v1/reporting-rates?plan=" + PLAN_2022 + "&period=2022-H1", PROVINCE_REVIEWER,
				null)
			.body();

		assertRate(rates.get("total"), 6, 3, 2, "50.0", "33.3");
		assertRate(level(rates, "COMMUNE"), 3, 2, 1, "66.6", "33.3");
		assertRate(level(rates, "DISTRICT"), 2, 1, 1, "50.0", "50.0");
		assertRate(level(rates, "DEPARTMENT"), 1, 0, 0, "0.0", "0.0");
		assertThat(rates.get("levels")).hasSize(3);
		assertThat(laggards(rates)).containsExactlyInAnyOrder("09190 LATE", "09247 OVERDUE", "258 OVERDUE",
				"27-STTTT OVERDUE");
		assertThat(rates.get("lateOrOverdue").get(0).get("contacts").get("email").asString())
			.endsWith("@bacninh.gov.vn");

		// Thành phố Bắc Ninh's subtree: itself and its two wards, all submitted, one
		// late.
		JsonNode district = call("GET", "/api/v1/reporting-rates?plan=" + PLAN_2022 + "&period=2022-H1&unit=256",
				DISTRICT_OFFICER, null)
			.body();
		assertRate(district.get("total"), 3, 3, 2, "100.0", "66.6");
		assertNeverAbove100(rates);
		assertNeverAbove100(district);
	}

	@Test
	@Order(7)
	void mustShow4RatesOfTheFirstHalfOf2026OnTheTwoLevelTreeMatchAHandCount() {
		this.clock.setMorningOf(LocalDate.of(2026, 6, 8));
		Response opened = call("POST",
				"/api/v1/admin/periods:open?plan=" + SubmissionFixtures.PLAN_2026 + "&period=2026-H1", OPERATOR, null);
		assertThat(opened.status()).isEqualTo(201);
		// After the merger: the department and the two merged communes, no district.
		assertThat(opened.body().get("expectedReports").asInt()).isEqualTo(3);

		String kinhBac = SubmissionFixtures.id(SubmissionFixtures.PLAN_2026, "2026-H1", "09194");
		TestCaller kinhBacOfficer = TestCaller.of("hoang.anh", "Hoàng Anh", "09194", "officer");
		JsonNode draft = call("GET", "/api/v1/submissions/" + kinhBac, kinhBacOfficer, null).body();
		assertThat(draft.get("receiverUnitCode").asString()).isEqualTo("27-SNV");
		assertThat(draft.get("dueDate").asString()).isEqualTo("2026-06-09");
		writeNarrative(kinhBac, kinhBacOfficer, "Phường mới sau sắp xếp.");
		call("POST", "/api/v1/submissions/" + kinhBac + ":submit", kinhBacOfficer, null);
		this.clock.setMorningOf(LocalDate.of(2026, 6, 20));
		String sttt = SubmissionFixtures.id(SubmissionFixtures.PLAN_2026, "2026-H1", "27-STTTT");
		TestCaller stttOfficer = TestCaller.of("vu.thanh", "Vũ Thanh", "27-STTTT", "officer");
		writeNarrative(sttt, stttOfficer, "Sở tổng hợp muộn.");
		assertThat(call("POST", "/api/v1/submissions/" + sttt + ":submit", stttOfficer, null).body()
			.get("late")
			.asBoolean()).isTrue();

		JsonNode rates = call("GET", "/api/v1/reporting-rates?plan=" + SubmissionFixtures.PLAN_2026 + "&period=2026-H1",
				PROVINCE_REVIEWER, null)
			.body();

		// 3 expected; 09194 on time, 27-STTTT late, 09248 nothing.
		assertRate(rates.get("total"), 3, 2, 1, "66.6", "33.3");
		assertRate(level(rates, "COMMUNE"), 2, 1, 1, "50.0", "50.0");
		assertRate(level(rates, "DEPARTMENT"), 1, 1, 0, "100.0", "0.0");
		assertThat(rates.get("levels").findValuesAsString("level")).containsExactly("COMMUNE", "DEPARTMENT");
		assertThat(laggards(rates)).containsExactlyInAnyOrder("27-STTTT LATE", "09248 OVERDUE");
		assertNeverAbove100(rates);
	}

	@Test
	@Order(8)
	void anApprovedReportAndTheDistrictsConsolidationExportAsWordAndExcel() throws Exception {
		HttpResponse<byte[]> docx = download("/api/v1/submissions/" + VU_NINH + ".docx", DISTRICT_OFFICER);
		HttpResponse<byte[]> xlsx = download("/api/v1/submissions/" + VU_NINH + ".xlsx", COMMUNE_OFFICER);
		HttpResponse<byte[]> consolidated = download(
				"/api/v1/reports/consolidated.docx?plan=" + PLAN_2022 + "&period=2022-H1&unit=256", DISTRICT_OFFICER);
		HttpResponse<byte[]> forbidden = download(
				"/api/v1/reports/consolidated.docx?plan=" + PLAN_2022 + "&period=2022-H1&unit=256", COMMUNE_OFFICER);

		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.headers().firstValue("Content-Type")).hasValue(ExportFormat.DOCX.mediaType());
		assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
			.contains(".docx");
		String text = wordText(docx.body());
		assertThat(text).contains("PHƯỜNG VŨ NINH")
			.contains("6 tháng đầu năm 2022")
			.contains("Phát 4 chuyên mục, tổng 60 phút.")
			.contains("IV. ĐỀ XUẤT, KIẾN NGHỊ");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(ExportFormat.XLSX.mediaType());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(workbook.getNumberOfSheets()).isPositive();
		}
		assertThat(consolidated.statusCode()).isEqualTo(200);
		assertThat(wordText(consolidated.body())).contains("THÀNH PHỐ BẮC NINH")
			.contains("Phường Vũ Ninh")
			.contains("Phường Đáp Cầu")
			.contains("Đã duyệt");
		assertThat(forbidden.statusCode()).isEqualTo(403);
	}

	private HttpResponse<byte[]> download(String path, TestCaller caller) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", caller.authorization())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String wordText(byte[] docx) throws IOException {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			return extractor.getText();
		}
	}

	private void writeNarrative(String id, TestCaller actor, String results) {
		long revision = call("GET", "/api/v1/submissions/" + id, actor, null).body().get("revision").asLong();
		ObjectNode body = this.json.createObjectNode();
		body.put("results", results);
		body.put("shortcomings", "Một số đơn vị cập nhật chưa kịp thời.");
		body.put("direction", "Duy trì chuyên mục hằng tuần.");
		body.put("proposals", "Đề nghị hỗ trợ kinh phí.");
		body.put("revision", revision);
		Response response = call("PUT", "/api/v1/submissions/" + id + "/narrative", actor, body.toString());
		assertThat(response.status()).as("narrative of %s: %s", id, response.body()).isEqualTo(200);
	}

	private static JsonNode activity(JsonNode figures, String activityId) {
		for (JsonNode row : figures.get("activities")) {
			if (row.get("activityId").asString().equals(activityId)) {
				return row;
			}
		}
		throw new AssertionError("No row " + activityId + " in " + figures);
	}

	private static JsonNode level(JsonNode rates, String level) {
		for (JsonNode row : rates.get("levels")) {
			if (row.get("level").asString().equals(level)) {
				return row.get("rate");
			}
		}
		throw new AssertionError("No level " + level + " in " + rates);
	}

	private static void assertRate(JsonNode rate, int expected, int actual, int onTime, String percent,
			String onTimePercent) {
		assertThat(rate.get("expected").asInt()).isEqualTo(expected);
		assertThat(rate.get("actual").asInt()).isEqualTo(actual);
		assertThat(rate.get("onTime").asInt()).isEqualTo(onTime);
		assertThat(rate.get("rate").decimalValue()).isEqualByComparingTo(percent);
		assertThat(rate.get("onTimeRate").decimalValue()).isEqualByComparingTo(onTimePercent);
	}

	private static void assertNeverAbove100(JsonNode rates) {
		List<JsonNode> all = new ArrayList<>();
		all.add(rates.get("total"));
		rates.get("levels").forEach((level) -> all.add(level.get("rate")));
		for (JsonNode rate : all) {
			assertThat(rate.get("actual").asInt()).isLessThanOrEqualTo(rate.get("expected").asInt());
			assertThat(rate.get("rate").asDouble()).isLessThanOrEqualTo(100.0);
			assertThat(rate.get("onTimeRate").asDouble()).isLessThanOrEqualTo(rate.get("rate").asDouble());
		}
	}

	private static List<String> laggards(JsonNode rates) {
		List<String> laggards = new ArrayList<>();
		rates.get("lateOrOverdue")
			.forEach((row) -> laggards.add(row.get("unitCode").asString() + " " + row.get("problem").asString()));
		return laggards;
	}

	private static void assertProblem(Response response, int status, String slug, String field) {
		assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/" + slug);
		assertThat(response.body().get("errors").findValuesAsString("field")).contains(field);
	}

	/** The CloudEvents of a type read from cchc.submissions so far. */
	private List<JsonNode> events(String type) {
		drain();
		return this.published.stream()
			.map((record) -> this.json.readTree(record.value()))
			.filter((event) -> event.get("type").asString().equals(type))
			.toList();
	}

	private List<String> keysOf(String type) {
		drain();
		return this.published.stream()
			.filter((record) -> this.json.readTree(record.value()).get("type").asString().equals(type))
			.map(ConsumerRecord::key)
			.toList();
	}

	/** The events keyed by the submission, in the order of their partition. */
	private List<JsonNode> eventsOf(String submissionId) {
		drain();
		return this.published.stream()
			.filter((record) -> submissionId.equals(record.key()))
			.map((record) -> this.json.readTree(record.value()))
			.toList();
	}

	private synchronized void drain() {
		for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(500))) {
			this.published.add(record);
		}
	}

	private ProgressRecorded fact(String eventId, String unitCode, String activityId, LocalDate date,
			Map<String, Long> quantities) {
		return new ProgressRecorded(eventId, unitCode, PLAN_2022, activityId, date, quantities,
				List.of(URI.create("https://bacninh.gov.vn/cchc/" + eventId)), 0, "Nguyễn Thị Hà",
				Instant.parse("2022-06-01T02:00:00Z"));
	}

	private void publish(ProgressRecorded fact) {
		this.publisher.progress(fact);
	}

	private Response call(String method, String path, TestCaller actor, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (actor != null) {
			request.header("Authorization", actor.authorization());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

	record Response(int status, String contentType, JsonNode body) {

	}

}
