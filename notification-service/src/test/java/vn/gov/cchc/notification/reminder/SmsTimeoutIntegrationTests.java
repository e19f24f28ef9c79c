package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 6 when the SMS gateway takes a message but its answer does not come in time:
 * the service cannot tell whether the message went. It asks the gateway by the message's
 * reference and, found, records it sent; when the gateway cannot answer that either, the
 * delivery stays in doubt (neither sent again at once nor handed to email) until the
 * gateway is asked again after the delivery's lease. Either way the message goes once.
 * The gateway is a real HTTP server that takes each message at once and answers after 4
 * s; the service waits 1.5 s for an answer.
 */
@ReminderServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmsTimeoutIntegrationTests {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final Providers providers = new Providers();

	static ReminderFixtures publish;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-notification-sms-timeout");
		providers.register(registry);
		registry.add("cchc.notification.sms.read-timeout", () -> "1500ms");
	}

	@Autowired
	private MutableClock clock;

	@Autowired
	private RestTestClient http;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@BeforeAll
	static void connect(@Autowired EmbeddedKafkaBroker broker) {
		publish = new ReminderFixtures(broker.getBrokersAsString());
		publish.provinceAndDistrict();
	}

	@AfterAll
	static void close() {
		publish.close();
		providers.close();
	}

	@Test
	@Order(1)
	void anSmsWithoutAnAnswerThatTheGatewayCannotLookUpStaysInDoubtAndIsFoundLaterInsteadOfSentAgain()
			throws Exception {
		String commune = "51002";
		String phone = "84914100002";
		LocalDate due = LocalDate.of(2027, 6, 10);
		SmsProvider sms = providers.sms;
		this.clock.setLocal("2027-06-01T10:00");
		owesASixMonthReport(commune, "0914100002", "KH-42-2027", due);

		sms.slow(4000);
		sms.failLookups();
		this.clock.setLocal("2027-06-09T08:00");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(smsTo(commune)).singleElement()
				.satisfies((delivery) -> assertThat(delivery.attempts())
					.anySatisfy((attempt) -> assertThat(attempt.outcome()).isEqualTo("in-doubt"))));
		// Past the gateway's answer and the retry's wait: a second request would be in by
		// now.
		Thread.sleep(3000);
		assertThat(smsTo(commune)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.state()).isEqualTo(Delivery.State.SENDING));
		assertThat(sms.requestsTo(phone)).as("messages sent to the gateway while in doubt").isOne();
		assertThat(DeliveryLog.read(this.http, "channel=EMAIL&unit=" + commune)).as("no fallback to email").isEmpty();

		// The gateway can be asked again; once the delivery's lease (20 s) has run out,
		// it is.
		sms.answerLookups();
		this.clock.setLocal("2027-06-09T08:01");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(smsTo(commune)).singleElement()
				.satisfies((delivery) -> assertThat(delivery.state()).isEqualTo(Delivery.State.SENT)));
		DeliveryLogController.DeliveryView sent = smsTo(commune)[0];
		assertThat(sent.attempts()).extracting(Delivery.Attempt::outcome).containsExactly("in-doubt", "found");
		assertThat(sms.requestsTo(phone)).as("messages sent to the gateway").isOne();
		assertThat(sms.takenFor(phone)).singleElement()
			.satisfies((taken) -> assertThat(sent.providerReference()).isEqualTo(taken.reference()));
		assertThat(DeliveryLog.read(this.http, "channel=EMAIL&unit=" + commune)).isEmpty();

		// The report comes in: no reminder of it is left for the next test's days.
		publish.submitted("KH-42-2027", "2027-H1", PeriodType.HALF_YEAR, commune, due);
		String submission = ReminderFixtures.submissionId("KH-42-2027", "2027-H1", commune);
		await().atMost(PATIENCE)
			.until(() -> this.mongo.getCollection("deadlines")
				.countDocuments(new Document("_id", submission).append("open", false)) == 1);
	}

	@Test
	@Order(2)
	void anSmsTakenByTheGatewayWhoseAnswerTimedOutIsFoundByItsReferenceAndNotSentAgain() throws Exception {
		String commune = "51001";
		String phone = "84914100001";
		SmsProvider sms = providers.sms;
		owesASixMonthReport(commune, "0914100001", "KH-41-2027", LocalDate.of(2027, 6, 20));

		sms.slow(4000);
		sms.answerLookups();
		this.clock.setLocal("2027-06-19T08:00");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(smsTo(commune)).singleElement()
				.satisfies((delivery) -> assertThat(delivery.state()).isEqualTo(Delivery.State.SENT)));
		// Past the gateway's answer and the retry's wait: a second request would be in by
		// now.
		Thread.sleep(3000);

		DeliveryLogController.DeliveryView[] deliveries = smsTo(commune);
		assertThat(deliveries).as("SMS deliveries in the log").hasSize(1);
		DeliveryLogController.DeliveryView sent = deliveries[0];
		assertThat(sms.requestsTo(phone)).as("messages sent to the gateway").isOne();
		assertThat(sms.takenFor(phone)).singleElement()
			.satisfies((taken) -> assertThat(sent.providerReference()).isEqualTo(taken.reference()));
		assertThat(DeliveryLog.read(this.http, "channel=EMAIL&unit=" + commune)).as("no fallback to email").isEmpty();
	}

	@Test
	@Order(3)
	void anSmsStillInDoubtAfterAnHourIsLeftToAnAdministratorWhoseDecisionIsRecorded() throws Exception {
		// The last test's report comes in, so that only this test's message is in doubt.
		publish.submitted("KH-41-2027", "2027-H1", PeriodType.HALF_YEAR, "51001", LocalDate.of(2027, 6, 20));
		String commune = "51003";
		String phone = "84914100003";
		SmsProvider sms = providers.sms;
		owesASixMonthReport(commune, "0914100003", "KH-43-2027", LocalDate.of(2027, 6, 25));

		sms.slow(4000);
		sms.failLookups();
		this.clock.setLocal("2027-06-24T08:00");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(smsTo(commune)).singleElement()
				.satisfies((delivery) -> assertThat(delivery.attempts())
					.anySatisfy((attempt) -> assertThat(attempt.outcome()).isEqualTo("in-doubt"))));
		// An hour on, the gateway still cannot say: the service stops waiting and asks.
		this.clock.setLocal("2027-06-24T09:01");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(smsTo(commune)).singleElement()
				.satisfies((delivery) -> assertThat(delivery.state()).isEqualTo(Delivery.State.UNRESOLVED)));
		Thread.sleep(3000);
		assertThat(sms.requestsTo(phone)).as("messages sent to the gateway").isOne();
		assertThat(this.meters.get("cchc.reminders.unresolved").gauge().value()).isOne();
		String id = smsTo(commune)[0].id();

		decide(TestTokens.officer(commune), id, "{\"reached\": true}").expectStatus().isForbidden();
		decide(TestTokens.admin("27"), id, "{}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reached");
		decide(TestTokens.admin("27"), id, "{\"reached\": true}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("SENT");
		decide(TestTokens.admin("27"), id, "{\"reached\": false}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("id");

		DeliveryLogController.DeliveryView decided = smsTo(commune)[0];
		assertThat(decided.attempts()).extracting(Delivery.Attempt::outcome)
			.containsExactly("in-doubt", "unresolved", "operator-confirmed");
		assertThat(decided.attempts().get(2).detail()).isEqualTo("admin-27");
		assertThat(sms.requestsTo(phone)).as("messages sent to the gateway").isOne();
		assertThat(this.meters.get("cchc.reminders.unresolved").gauge().value()).isZero();
		sms.answerLookups();
	}

	private RestTestClient.ResponseSpec decide(String token, String id, String body) {
		return this.http.post()
			.uri("/api/v1/deliveries/{id}/resolution", id)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	/**
	 * The commune, with an email address and a phone, owes a 6-month report due on the
	 * day: the test rules remind by SMS only, the day before at 08:00 and on the day.
	 */
	private void owesASixMonthReport(String commune, String phone, String plan, LocalDate due) {
		publish.unit(commune, "Xã Chờ Lâu " + commune, UnitKind.COMMUNE, "256", "vanphong@" + commune + ".test", phone);
		publish.due(plan, "2027-H1", PeriodType.HALF_YEAR, commune, due, "256");
		await().atMost(PATIENCE)
			.until(() -> this.mongo.getCollection("reminders")
				.countDocuments(new Document("recipientUnitCode", commune)) == 2);
	}

	private DeliveryLogController.DeliveryView[] smsTo(String commune) {
		return DeliveryLog.read(this.http, "channel=SMS&unit=" + commune);
	}

}
