package vn.gov.cchc.notification.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Reminders end to end inside the service: submission events on a real Kafka broker
 * (embedded KRaft), MongoDB through the official driver, email to a real SMTP server
 * (GreenMail) and SMS to a real HTTP server (WireMock) playing the SMS gateway. Time is a
 * clock the test moves; the dispatcher runs every 200 ms. The tests run in date order on
 * the one clock, each with units of its own.
 */
@ReminderServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersIntegrationTests {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	/** Five dispatcher rounds: long enough for anything due to have gone. */
	static final Duration ROUNDS = Duration.ofMillis(1000);

	static final Providers providers = new Providers();

	static final SmsProvider sms = providers.sms;

	static ReminderFixtures publish;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-notification-reminders");
		providers.register(registry);
	}

	@Autowired
	private MutableClock clock;

	@Autowired
	private RestTestClient http;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@BeforeAll
	static void connect(@Autowired EmbeddedKafkaBroker broker) {
		publish = new ReminderFixtures(broker.getBrokersAsString());
		publish.unit("256", "Thị xã Từ Sơn", UnitKind.DISTRICT, "27", "vanphong@tuson.test", "0912000256");
	}

	@AfterAll
	static void close() {
		publish.close();
		providers.close();
	}

	@Test
	@Order(1)
	void aUnitGetsItsSevenThreeAndOneDayRemindersInOneDigestEachAndNoneAfterItSubmits() throws Exception {
		this.clock.setLocal("2026-06-25T10:00");
		publish.unit("30001", "Xã Hòa Long", UnitKind.COMMUNE, "256", "vanphong@hoalong.test", "0912000101");
		LocalDate due = LocalDate.of(2026, 7, 9);
		publish.due("KH-27-2026", "2026-Q2", PeriodType.QUARTER, "30001", due, "256");
		publish.due("KH-15-2026", "2026-Q2", PeriodType.QUARTER, "30001", due, "256");
		await().atMost(PATIENCE).until(() -> reminders("30001").length == 20);

		this.clock.setLocal("2026-07-02T07:59");
		Thread.sleep(ROUNDS.toMillis());
		assertThat(emailsTo("hoalong.test")).isEmpty();
		assertThat(sms.takenFor("84912000101")).isEmpty();

		for (String at : List.of("2026-07-02T08:00", "2026-07-06T08:00", "2026-07-08T08:00")) {
			int before = emailsTo("hoalong.test").size();
			this.clock.setLocal(at);
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailsTo("hoalong.test")).hasSize(before + 1));
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(sms.takenFor("84912000101")).hasSize(before + 1));
		}
		// One digest per send: each message named both reports. The provider has the
		// message a moment before the log records it.
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries("30001")).hasSize(6)
				.allSatisfy((delivery) -> assertThat(delivery.state()).isEqualTo(Delivery.State.SENT)));
		DeliveryLogController.DeliveryView[] log = deliveries("30001");
		assertThat(log).allSatisfy((delivery) -> assertThat(delivery.reports()).extracting(Delivery.Item::submissionId)
			.containsExactlyInAnyOrder("KH-27-2026:2026-Q2:30001", "KH-15-2026:2026-Q2:30001"));
		assertThat(Arrays.stream(log).map(DeliveryLogController.DeliveryView::reports).flatMap(List::stream))
			.extracting(Delivery.Item::rule)
			.containsOnly("D-7", "D-3", "D-1");
		assertThat(emailsTo("hoalong.test")).allSatisfy((message) -> {
			assertThat(message.getSubject()).isEqualTo("[CCHC] 2 báo cáo sắp đến hạn, gần nhất 09/07/2026");
			assertThat(message.getHeader("X-CCHC-Delivery")).hasSize(1);
		});
		assertThat(sms.takenFor("84912000101")).allSatisfy((message) -> assertThat(message.body()).contains("2026-Q2"));

		publish.submitted("KH-27-2026", "2026-Q2", PeriodType.QUARTER, "30001", due);
		publish.submitted("KH-15-2026", "2026-Q2", PeriodType.QUARTER, "30001", due);
		await().atMost(PATIENCE)
			.until(() -> Arrays.stream(reminders("30001"))
				.noneMatch((reminder) -> reminder.state() == Reminder.State.SCHEDULED));
		for (String at : List.of("2026-07-09T08:00", "2026-07-10T08:00", "2026-07-12T08:00")) {
			this.clock.setLocal(at);
			Thread.sleep(ROUNDS.toMillis());
		}
		assertThat(emailsTo("hoalong.test")).hasSize(3);
		assertThat(sms.takenFor("84912000101")).hasSize(3);
		assertThat(emailsTo("tuson.test")).isEmpty();
		assertThat(reminders("30001")).extracting(DeliveryLogController.ReminderView::state)
			.containsOnly(Reminder.State.SENT, Reminder.State.CANCELLED);
	}

	@Test
	@Order(2)
	void aReturnedReportIsRemindedAgainAndALateOneIsEscalatedToTheUnitAbove() throws Exception {
		this.clock.setLocal("2026-09-20T10:00");
		publish.unit("30002", "Phường Đồng Nguyên", UnitKind.COMMUNE, "256", "vanphong@dongnguyen.test", "0912000102");
		LocalDate due = LocalDate.of(2026, 10, 9);
		publish.due("KH-27-2026", "2026-Q3", PeriodType.QUARTER, "30002", due, "256");
		await().atMost(PATIENCE).until(() -> reminders("30002").length == 10);

		this.clock.setLocal("2026-10-02T08:00");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailsTo("dongnguyen.test")).hasSize(1));
		publish.submitted("KH-27-2026", "2026-Q3", PeriodType.QUARTER, "30002", due);
		await().atMost(PATIENCE)
			.until(() -> Arrays.stream(reminders("30002"))
				.noneMatch((reminder) -> reminder.state() == Reminder.State.SCHEDULED));
		this.clock.setLocal("2026-10-06T08:00");
		Thread.sleep(ROUNDS.toMillis());
		assertThat(emailsTo("dongnguyen.test")).hasSize(1);

		publish.returned("KH-27-2026", "2026-Q3", PeriodType.QUARTER, "30002");
		await().atMost(PATIENCE)
			.until(() -> Arrays.stream(reminders("30002"))
				.filter((reminder) -> reminder.state() == Reminder.State.SCHEDULED)
				.count() == 6);
		for (String at : List.of("2026-10-08T08:00", "2026-10-09T08:00", "2026-10-10T08:00")) {
			int before = emailsTo("dongnguyen.test").size();
			this.clock.setLocal(at);
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailsTo("dongnguyen.test")).hasSize(before + 1));
		}
		this.clock.setLocal("2026-10-12T08:00");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(emailsTo("tuson.test")).hasSize(1));
		MimeMessage escalation = emailsTo("tuson.test").get(0);
		assertThat(escalation.getSubject()).contains("Phường Đồng Nguyên");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries("256")).singleElement().satisfies((delivery) -> {
				assertThat(delivery.channel()).isEqualTo(Channel.EMAIL);
				assertThat(delivery.reports()).extracting(Delivery.Item::kind, Delivery.Item::unitCode)
					.containsExactly(tuple(ReminderKind.ESCALATION, "30002"));
			}));
		// The rule D-3 went while the report was in: it is not sent late after the
		// return.
		assertThat(reminders("30002")).filteredOn((reminder) -> reminder.rule().equals("D-3"))
			.extracting(DeliveryLogController.ReminderView::state)
			.containsOnly(Reminder.State.CANCELLED);
	}

	@Test
	@Order(3)
	void anSmsDueAtTenInTheEveningGoesAtSevenTheNextMorning() throws Exception {
		this.clock.setLocal("2026-11-01T10:00");
		publish.unit("30003", "Xã Tam Sơn", UnitKind.COMMUNE, "256", "vanphong@tamson.test", "0912000103");
		publish.due("KH-30-2026", "2026-M11", PeriodType.MONTH, "30003", LocalDate.of(2026, 11, 5), "256");
		await().atMost(PATIENCE).until(() -> reminders("30003").length == 1);
		assertThat(reminders("30003")[0].sendAt()).isEqualTo(Instant.parse("2026-11-06T00:00:00Z"));

		for (String at : List.of("2026-11-05T22:00", "2026-11-06T03:00", "2026-11-06T06:59")) {
			this.clock.setLocal(at);
			Thread.sleep(ROUNDS.toMillis());
			assertThat(sms.takenFor("84912000103")).as("SMS at %s", at).isEmpty();
		}
		this.clock.setLocal("2026-11-06T07:00");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(sms.takenFor("84912000103")).hasSize(1));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries("30003")).singleElement()
				.satisfies(
						(delivery) -> assertThat(delivery.sentAt()).isEqualTo(Instant.parse("2026-11-06T00:00:00Z"))));
	}

	@Test
	@Order(4)
	void deadLettersRecordsThatAreNotSubmissionEventsAndAppliesARedeliveredEventOnce() throws Exception {
		this.clock.setLocal("2026-12-01T10:00");
		publish.unit("30004", "Xã Phù Chẩn", UnitKind.COMMUNE, "256", "vanphong@phuchan.test", "0912000104");
		String submission = ReminderFixtures.submissionId("KH-27-2026", "2026-Y", "30004");
		byte[] notJson = "không phải JSON {".getBytes(StandardCharsets.UTF_8);
		byte[] dueWithoutDate = """
				{"specversion":"1.0","id":"bad-30004","source":"/cchc/report-service",
				 "type":"vn.gov.cchc.submission.due.v1","time":"2026-12-01T03:00:00Z",
				 "datacontenttype":"application/json",
				 "data":{"submissionId":"%s","unitCode":"30004","planId":"KH-27-2026","periodId":"2026-Y",
				  "periodType":"YEAR","receiverUnitCode":"256","occurredAt":"2026-12-01T03:00:00Z"}}
				""".formatted(submission).getBytes(StandardCharsets.UTF_8);
		try (Consumer<String, byte[]> deadLetters = deadLetterConsumer()) {
			publish.raw(Topics.SUBMISSIONS, submission, notJson);
			publish.raw(Topics.SUBMISSIONS, submission, dueWithoutDate);
			LocalDate due = LocalDate.of(2026, 12, 18);
			publish.due("KH-27-2026", "2026-Y", PeriodType.YEAR, "30004", due, "256");
			publish.submitted("KH-27-2026", "2026-Y", PeriodType.YEAR, "30004", due);
			byte[] returned = publish.returned("KH-27-2026", "2026-Y", PeriodType.YEAR, "30004");
			publish.submitted("KH-27-2026", "2026-Y", PeriodType.YEAR, "30004", due);
			await().atMost(PATIENCE).until(() -> applied(submission).size() == 4);
			double duplicatesBefore = this.meters.counter("cchc.reminders.submission-events", "outcome", "duplicate")
				.count();

			// The return comes again (a redelivery after a rebalance): it must not reopen
			// the report that was submitted after it.
			publish.raw(Topics.SUBMISSIONS, submission, returned);
			await().atMost(PATIENCE)
				.until(() -> this.meters.counter("cchc.reminders.submission-events", "outcome", "duplicate")
					.count() == duplicatesBefore + 1);
			assertThat(applied(submission)).hasSize(4);
			assertThat(this.mongo.findById(submission, Deadline.class)).extracting(Deadline::open).isEqualTo(false);
			assertThat(reminders("30004")).isNotEmpty()
				.noneMatch((reminder) -> reminder.state() == Reminder.State.SCHEDULED);

			List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				KafkaTestUtils.getRecords(deadLetters, Duration.ofMillis(500)).forEach(dead::add);
				return dead.size() >= 2;
			});
			assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, dueWithoutDate);
			assertThat(dead).extracting(ConsumerRecord::key).containsOnly(submission);
		}
	}

	@Test
	@Order(5)
	void answersProblemsNamingTheFieldForBadQueriesAndAnUnknownDelivery() {
		this.http.get()
			.uri("/api/v1/deliveries?channel=FAX&limit=0")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.reviewer("27-SNV")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/invalid-query")
			.jsonPath("$.errors[0].field")
			.isEqualTo("channel")
			.jsonPath("$.errors[1].field")
			.isEqualTo("limit");
		this.http.get()
			.uri("/api/v1/reminders")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.reviewer("27-SNV")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("submission");
		this.http.get()
			.uri("/api/v1/deliveries/{id}", "d-khong-co")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.reviewer("27-SNV")))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Không tìm thấy lượt gửi")
			.jsonPath("$.errors[0].field")
			.isEqualTo("id");
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/deliveries'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/reminders'].get")
			.exists();
	}

	private List<String> applied(String submission) {
		Deadline deadline = this.mongo.findById(submission, Deadline.class);
		return (deadline != null) ? deadline.appliedEvents() : List.of();
	}

	private Consumer<String, byte[]> deadLetterConsumer() {
		Map<String, Object> config = KafkaTestUtils.consumerProps(this.broker, "dlq-reader-" + UUID.randomUUID(),
				false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of("cchc.submissions.dlq"));
		return consumer;
	}

	private List<MimeMessage> emailsTo(String domain) {
		return providers.emailsTo(domain);
	}

	private DeliveryLogController.DeliveryView[] deliveries(String unit) {
		return this.http.get()
			.uri("/api/v1/deliveries?unit={unit}", unit)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.officer(unit)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(DeliveryLogController.DeliveryView[].class)
			.returnResult()
			.getResponseBody();
	}

	private DeliveryLogController.ReminderView[] reminders(String unit) {
		return this.http.get()
			.uri("/api/v1/reminders?unit={unit}&limit=500", unit)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.officer(unit)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(DeliveryLogController.ReminderView[].class)
			.returnResult()
			.getResponseBody();
	}

}
