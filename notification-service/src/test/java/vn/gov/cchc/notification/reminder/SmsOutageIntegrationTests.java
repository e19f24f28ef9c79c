package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.Topics;
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
 * Invariant 6 under a provider outage: the SMS gateway answers 503 slowly, the circuit
 * opens after a few calls, email carries the reminders, the gateway recovers and SMS goes
 * by SMS again; nothing reaches anybody twice, and the service keeps taking in submission
 * events at its usual pace while it all happens (measured, printed).
 */
@ReminderServiceTest
class SmsOutageIntegrationTests {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final int UNITS = 12;

	static final String DOMAIN = "outage.test";

	static final Providers providers = new Providers();

	static ReminderFixtures publish;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-notification-outage");
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
		publish.provinceAndDistrict();
	}

	@AfterAll
	static void close() {
		publish.close();
		providers.close();
	}

	@Test
	void whileTheSmsGatewayIsDownEmailCarriesTheRemindersNothingGoesTwiceAndIngestionKeepsItsPace() throws Exception {
		this.clock.setLocal("2027-06-01T10:00");
		SmsProvider sms = providers.sms;
		LocalDate due = LocalDate.of(2027, 6, 20);
		for (int i = 1; i <= UNITS; i++) {
			publish.unit(unit(i), "Xã Thử Nghiệm " + i, UnitKind.COMMUNE, "256", "vanphong" + i + "@" + DOMAIN,
					"09140000%02d".formatted(i));
			publish.due("KH-40-2027", "2027-H1", PeriodType.HALF_YEAR, unit(i), due, "256");
		}
		await().atMost(PATIENCE).until(() -> this.mongo.getCollection("reminders").countDocuments() == 2 * UNITS);
		List<Long> before = ingestionMillis("61", 30);

		// The gateway fails, slowly: 503 after 300 ms.
		sms.fail(503, 300);
		this.clock.setLocal("2027-06-19T08:00");
		List<Long> during = ingestionMillis("62", 30);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(providers.emailsTo(DOMAIN)).hasSize(UNITS));
		assertThat(sms.taken()).isEmpty();
		// Two messages with two attempts each opened the circuit; the others did not
		// call.
		assertThat(sms.requests()).isEqualTo(4);
		assertThat(this.meters.get("resilience4j.circuitbreaker.state")
			.tags("name", "sms", "state", "open")
			.gauge()
			.value()).isEqualTo(1.0);
		DeliveryLogController.DeliveryView[] failed = deliveries("channel=SMS&state=FAILED");
		assertThat(failed).hasSize(UNITS)
			.allSatisfy((delivery) -> assertThat(delivery.fallbackChannel()).isEqualTo(Channel.EMAIL));
		assertThat(failed).filteredOn((delivery) -> delivery.attempts().get(0).outcome().equals("not-attempted"))
			.hasSize(UNITS - 2);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(deliveries("channel=EMAIL&state=SENT")).hasSize(UNITS)
				.allSatisfy((delivery) -> assertThat(delivery.fallbackFor()).isEqualTo(Channel.SMS)));
		long p95Before = percentile(before, 95);
		long p95During = percentile(during, 95);
		System.out.printf(
				"submission-event ingestion, ms: before p50=%d p95=%d max=%d; during the outage p50=%d "
						+ "p95=%d max=%d%n",
				percentile(before, 50), p95Before, percentile(before, 100), percentile(during, 50), p95During,
				percentile(during, 100));
		assertThat(p95During).as("ingestion p95 during the outage against before")
			.isLessThanOrEqualTo(Math.max(3 * p95Before, p95Before + 250));

		// The gateway recovers; after the circuit's wait the next SMS goes by SMS.
		sms.recover();
		Thread.sleep(2200);
		this.clock.setLocal("2027-06-20T08:00");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(sms.taken()).hasSize(UNITS));
		assertThat(sms.taken().stream().collect(Collectors.groupingBy(SmsProvider.Taken::to, Collectors.counting())))
			.hasSize(UNITS)
			.allSatisfy((phone, count) -> assertThat(count).isOne());
		assertThat(providers.emailsTo(DOMAIN)).hasSize(UNITS);
		assertThat(sms.requests()).isEqualTo(4 + UNITS);

		Map<String, Long> events = notificationEvents(3 * UNITS);
		assertThat(events).containsEntry(EventTypes.REMINDER_FAILED_V1 + "/SMS/EMAIL", (long) UNITS)
			.containsEntry(EventTypes.REMINDER_SENT_V1 + "/EMAIL/SMS", (long) UNITS)
			.containsEntry(EventTypes.REMINDER_SENT_V1 + "/SMS/-", (long) UNITS)
			.hasSize(3);
	}

	/**
	 * Publishes submission events one at a time and measures how long each takes from the
	 * broker's acknowledgement to its deadline in the database.
	 */
	private List<Long> ingestionMillis(String unitPrefix, int count) throws InterruptedException {
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String unit = unitPrefix + "%03d".formatted(i);
			String submission = ReminderFixtures.submissionId("KH-99-2027", "2027-Q4", unit);
			long start = System.nanoTime();
			publish.due("KH-99-2027", "2027-Q4", PeriodType.QUARTER, unit, LocalDate.of(2028, 1, 10), "256");
			while (this.mongo.getCollection("deadlines").countDocuments(new Document("_id", submission)) == 0) {
				Thread.sleep(2);
			}
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		return millis;
	}

	private static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = values.stream().sorted().toList();
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

	/** The events on cchc.notifications by type, channel and fallback. */
	private Map<String, Long> notificationEvents(int expected) {
		JsonMapper json = JsonMapper.builder().build();
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.NOTIFICATIONS));
			await().atMost(PATIENCE).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					JsonNode event = json.readTree(record.value());
					JsonNode data = event.get("data");
					JsonNode other = data.has("fallbackChannel") ? data.get("fallbackChannel")
							: data.get("fallbackFor");
					keys.add(event.get("type").asString() + "/" + data.get("channel").asString() + "/"
							+ ((other == null || other.isNull()) ? "-" : other.asString()));
				}
				return keys.size() >= expected;
			});
		}
		return keys.stream().collect(Collectors.groupingBy((key) -> key, Collectors.counting()));
	}

	private DeliveryLogController.DeliveryView[] deliveries(String query) {
		return DeliveryLog.read(this.http, query);
	}

	private static String unit(int i) {
		return "500%02d".formatted(i);
	}

}
