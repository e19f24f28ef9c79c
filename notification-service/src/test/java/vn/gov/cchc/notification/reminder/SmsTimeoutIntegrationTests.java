package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariant 6 when the SMS gateway takes a message but its answer does not come in time:
 * the service cannot tell whether the message went, asks the gateway by the message's
 * reference, finds it there and records it sent, instead of sending it a second time
 * (which the retry would otherwise do 50 ms later). The gateway is a real HTTP server
 * that takes each message at once and answers after 2 s; the service waits 700 ms.
 */
@ReminderServiceTest
class SmsTimeoutIntegrationTests {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final String COMMUNE = "51001";

	static final String PHONE = "0914100001";

	static final Providers providers = new Providers();

	static ReminderFixtures publish;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-notification-sms-timeout");
		providers.register(registry);
		registry.add("cchc.notification.sms.read-timeout", () -> "700ms");
	}

	@Autowired
	private MutableClock clock;

	@Autowired
	private RestTestClient http;

	@Autowired
	private MongoTemplate mongo;

	@BeforeAll
	static void connect(@Autowired EmbeddedKafkaBroker broker) {
		publish = new ReminderFixtures(broker.getBrokersAsString());
		publish.unit("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, "vpubnd@province.test", "0912345601");
		publish.unit("256", "Thị xã Từ Sơn", UnitKind.DISTRICT, "27", "vanphong@tuson.test", "0912000256");
	}

	@AfterAll
	static void close() {
		publish.close();
		providers.close();
	}

	@Test
	void anSmsTakenByTheGatewayWhoseAnswerTimedOutIsFoundByItsReferenceAndNotSentAgain() throws Exception {
		this.clock.setLocal("2027-06-01T10:00");
		SmsProvider sms = providers.sms;
		publish.unit(COMMUNE, "Xã Chờ Lâu", UnitKind.COMMUNE, "256", "vanphong@cholau.test", PHONE);
		// A 6-month report: the test rules remind by SMS only, the day before and on the
		// day.
		publish.due("KH-41-2027", "2027-H1", PeriodType.HALF_YEAR, COMMUNE, LocalDate.of(2027, 6, 20), "256");
		await().atMost(PATIENCE).until(() -> this.mongo.getCollection("reminders").countDocuments() == 2);

		sms.slow(2000);
		this.clock.setLocal("2027-06-19T08:00");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries("channel=SMS&state=SENT")).singleElement()
				.satisfies((delivery) -> assertThat(delivery.recipientUnitCode()).isEqualTo(COMMUNE)));
		// Past the gateway's answer and the retry's wait: a second request would be in by
		// now.
		Thread.sleep(3000);

		DeliveryLogController.DeliveryView[] smsDeliveries = deliveries("channel=SMS");
		assertThat(smsDeliveries).as("SMS deliveries in the log").hasSize(1);
		DeliveryLogController.DeliveryView sent = smsDeliveries[0];
		assertThat(sms.requests()).as("messages sent to the gateway").isOne();
		assertThat(sms.lookups()).as("lookups by reference").isOne();
		assertThat(sms.takenFor("84" + PHONE.substring(1))).singleElement()
			.satisfies((taken) -> assertThat(sent.providerReference()).isEqualTo(taken.reference()));
		assertThat(deliveries("channel=EMAIL")).as("no fallback to email").isEmpty();
	}

	private DeliveryLogController.DeliveryView[] deliveries(String query) {
		return DeliveryLog.read(this.http, query);
	}

}
