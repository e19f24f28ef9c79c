package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.BsonDocument;
import org.bson.Document;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher claims, sends and records in bulk: the reminders of many units go out
 * exactly once on each channel with a few bulk writes per hundreds of messages, every
 * message's event is published once, and the cases a bulk claim has to sort out (a
 * reminder another instance took first, a report that came in between the read and the
 * claim, a delivery whose instance died between making it and claiming its reminders)
 * come out as they do one at a time. GreenMail, the SMS gateway (WireMock) and the broker
 * are real; the store's write commands are counted through the driver.
 * <p>
 * Run with {@code -Dcchc.test.bulk-units=10600} (and the SMS rate and email rate raised
 * with {@code -Dcchc.test.bulk-rate}) to measure the dispatch of that many communes'
 * reminders; the figure is printed, not asserted.
 */
@ReminderServiceTest
@Import(BulkDispatchIntegrationTests.StoreWrites.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkDispatchIntegrationTests {

	static final int UNITS = Integer.getInteger("cchc.test.bulk-units", 1500);

	static final Duration PATIENCE = Duration.ofMinutes(5 + UNITS / 1000);

	static final Providers providers = new Providers();

	static ReminderFixtures publish;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-notification-bulk");
		providers.register(registry);
		String rate = System.getProperty("cchc.test.bulk-rate", "1000");
		registry.add("cchc.notification.resilience.sms.rate-limiter.limit-for-period", () -> rate);
		registry.add("cchc.notification.resilience.email.rate-limiter.limit-for-period", () -> rate);
		registry.add("cchc.notification.resilience.sms.bulkhead.max-concurrent-calls",
				() -> System.getProperty("cchc.test.bulk-concurrency", "4"));
		registry.add("cchc.notification.resilience.email.bulkhead.max-concurrent-calls",
				() -> System.getProperty("cchc.test.bulk-concurrency", "4"));
	}

	@Autowired
	private MutableClock clock;

	@Autowired
	private MongoTemplate mongo;

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
	@Order(1)
	void theRemindersOfManyUnitsGoOutOnceOnEachChannelWithAFewBulkWritesPerHundredsOfMessages() {
		this.clock.setLocal("2026-06-01T10:00");
		long importing = System.nanoTime();
		for (int i = 0; i < UNITS; i++) {
			publish.unit(code(i), "Xã Số Lượng " + i, UnitKind.COMMUNE, "256", "u" + i + "@bulk.test", phone(i));
		}
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.mongo.getCollection("contacts").countDocuments() >= UNITS + 2);
		double imported = (System.nanoTime() - importing) / 1e9;
		// Due on 12 June: D-7 goes on 5 June at 08:00, by email and SMS. Every report is
		// planned first, so that the dispatcher finds all of them waiting at once.
		long planning = System.nanoTime();
		for (int i = 0; i < UNITS; i++) {
			publish.due("KH-BULK", "2026-Q2", PeriodType.QUARTER, code(i), LocalDate.of(2026, 6, 12), "256");
		}
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> count("reminders", Criteria.where("rule").is("D-7").and("planId").is("KH-BULK")) == 2L
					* UNITS);
		double planned = (System.nanoTime() - planning) / 1e9;
		long eventsBefore = endOfNotifications();
		StoreWrites.reset();
		long start = System.nanoTime();
		this.clock.setLocal("2026-06-05T08:00");
		// The store's count is the cheap thing to poll; the providers are read once at
		// the end (reading every mailbox each poll would take the CPU being measured).
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> count("deliveries", Criteria.where("state").is("SENT")) >= 2L * UNITS);
		double seconds = (System.nanoTime() - start) / 1e9;
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(count("reminders", Criteria.where("state").is("SENT"))).isEqualTo(2L * UNITS);
			assertThat(count("deliveries", Criteria.where("state").is("SENT"))).isEqualTo(2L * UNITS);
			assertThat(count("deliveries", Criteria.where("outbox.eventId").exists(true))).isZero();
		});
		assertThat(providers.emailsTo("bulk.test")).hasSize(UNITS);
		assertThat(providers.sms.taken()).hasSize(UNITS);

		Map<String, Long> perAddress = providers.emailsTo("bulk.test")
			.stream()
			.collect(Collectors.groupingBy(BulkDispatchIntegrationTests::recipient, Collectors.counting()));
		assertThat(perAddress).hasSize(UNITS).allSatisfy((address, count) -> assertThat(count).isOne());
		Map<String, Long> perPhone = providers.sms.taken()
			.stream()
			.collect(Collectors.groupingBy(SmsProvider.Taken::to, Collectors.counting()));
		assertThat(perPhone).hasSize(UNITS).allSatisfy((phone, count) -> assertThat(count).isOne());
		// One ReminderSent per message, none twice (the relay and the dispatcher's
		// hand-over share the outbox).
		assertThat(endOfNotifications() - eventsBefore).isEqualTo(2L * UNITS);

		long messages = 2L * UNITS;
		long commands = StoreWrites.commands();
		long documents = StoreWrites.documents();
		System.out.printf(
				"bulk dispatch: %d units imported in %.1f s, their due events planned in %.1f s; %d messages sent and recorded %.1f s "
						+ "after their time came (%.0f messages/s); %d write commands on reminders and deliveries "
						+ "for %d documents (%s)%n",
				UNITS, imported, planned, messages, seconds, messages / seconds, commands, documents,
				StoreWrites.byCommand());
		// One at a time, each message took a claim, two updates of its delivery, its
		// insert, the reminder's SENT and the outbox's removal: six commands.
		assertThat(documents).isGreaterThanOrEqualTo(5 * messages);
		assertThat(documents).as("documents per write command").isGreaterThanOrEqualTo(10 * commands);

		// The reports are in: their later rules stay out of the next tests.
		for (int i = 0; i < UNITS; i++) {
			publish.submitted("KH-BULK", "2026-Q2", PeriodType.QUARTER, code(i), LocalDate.of(2026, 6, 12));
		}
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> count("reminders", Criteria.where("state").is("SCHEDULED").and("planId").is("KH-BULK")) == 0);
	}

	@Test
	@Order(2)
	void aBulkClaimLeavesWhatAnotherInstanceTookAndCancelsWhatCameInMeanwhile() throws InterruptedException {
		// Reports due on 15 June: D-7 falls on 8 June 08:00, so nothing goes yet.
		this.clock.setLocal("2026-06-06T10:00");
		List<String> communes = List.of("61001", "61002", "61003");
		for (String commune : communes) {
			publish.unit(commune, "Xã " + commune, UnitKind.COMMUNE, "256", "c" + commune + "@claims.test",
					"0914" + commune + "0");
			await().atMost(PATIENCE).until(() -> this.mongo.findById(commune, Document.class, "contacts") != null);
			publish.due("KH-CLAIM", "2026-Q2", PeriodType.QUARTER, commune, LocalDate.of(2026, 6, 15), "256");
		}
		String taken = ReminderFixtures.submissionId("KH-CLAIM", "2026-Q2", "61001");
		String cameIn = ReminderFixtures.submissionId("KH-CLAIM", "2026-Q2", "61002");
		await().atMost(PATIENCE)
			.until(() -> count("reminders", Criteria.where("submissionId").in(taken, cameIn)) == 2 * 11);
		// Another instance claimed 61001's email; 61002's report is in, and the
		// consumer has not got to its reminders yet.
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(Reminder.id(taken, "D-7", Channel.EMAIL))),
				new Update().set("state", Reminder.State.CLAIMED).set("deliveryId", "d-another-instance"),
				Reminder.class);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(cameIn)), new Update().set("open", false),
				Deadline.class);

		this.clock.setLocal("2026-06-08T08:00");
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(providers.emailsTo("claims.test")).hasSize(1);
			assertThat(providers.sms.takenFor("84914610010")).hasSize(1);
			assertThat(providers.sms.takenFor("84914610030")).hasSize(1);
		});
		Thread.sleep(1000);

		assertThat(recipient(providers.emailsTo("claims.test").get(0))).isEqualTo("c61003@claims.test");
		assertThat(providers.sms.takenFor("84914610020")).isEmpty();
		Reminder other = this.mongo.findById(Reminder.id(taken, "D-7", Channel.EMAIL), Reminder.class);
		assertThat(other.state()).isEqualTo(Reminder.State.CLAIMED);
		assertThat(other.deliveryId()).isEqualTo("d-another-instance");
		assertThat(this.mongo.findById(Reminder.id(cameIn, "D-7", Channel.EMAIL), Reminder.class).state())
			.isEqualTo(Reminder.State.CANCELLED);
		assertThat(this.mongo.findById(Reminder.id(cameIn, "D-7", Channel.SMS), Reminder.class).state())
			.isEqualTo(Reminder.State.CANCELLED);
		assertThat(count("deliveries", Criteria.where("recipientUnitCode").is("61002"))).as("nothing left for 61002")
			.isZero();
	}

	@Test
	@Order(3)
	void aDeliveryWhoseInstanceDiedBeforeClaimingAllItsRemindersGoesWithOnlyThoseItClaimed() throws Exception {
		// Reports due on 25 June; D-7 on 18 June 08:00.
		this.clock.setLocal("2026-06-09T10:00");
		String commune = "62001";
		publish.unit(commune, "Xã Dở Dang", UnitKind.COMMUNE, "256", "dodang@doubt.test", "0914620010");
		await().atMost(PATIENCE).until(() -> this.mongo.findById(commune, Document.class, "contacts") != null);
		publish.due("KH-A", "2026-Q2", PeriodType.QUARTER, commune, LocalDate.of(2026, 6, 25), "256");
		publish.due("KH-B", "2026-Q2", PeriodType.QUARTER, commune, LocalDate.of(2026, 6, 25), "256");
		String claimedByIt = Reminder.id(ReminderFixtures.submissionId("KH-A", "2026-Q2", commune), "D-7", Channel.SMS);
		String neverClaimed = Reminder.id(ReminderFixtures.submissionId("KH-B", "2026-Q2", commune), "D-7",
				Channel.SMS);
		await().atMost(PATIENCE)
			.until(() -> this.mongo.findById(claimedByIt, Reminder.class) != null
					&& this.mongo.findById(neverClaimed, Reminder.class) != null);
		// A round of a dead instance made the delivery with both reminders and had
		// claimed the first when it died; the second went meanwhile in another message.
		Reminder first = this.mongo.findById(claimedByIt, Reminder.class);
		Reminder second = this.mongo.findById(neverClaimed, Reminder.class);
		Instant made = this.clock.instant().minus(Duration.ofMinutes(5));
		Delivery dead = new Delivery("d-dead-round", commune, Channel.SMS, Delivery.State.SENDING, "dead-instance",
				made.plus(Duration.ofSeconds(20)), made, List.of(Delivery.Item.of(first), Delivery.Item.of(second)),
				List.of(), null, null, null, null, null, List.of());
		this.mongo.insert(dead);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(claimedByIt)),
				new Update().set("state", Reminder.State.CLAIMED).set("deliveryId", dead.id()), Reminder.class);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(neverClaimed)),
				new Update().set("state", Reminder.State.SENT).set("deliveryId", "d-another-message"), Reminder.class);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.mongo.findById(dead.id(), Delivery.class).state())
				.isEqualTo(Delivery.State.SENT));
		List<SmsProvider.Taken> sent = providers.sms.takenFor("84914620010");
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).reference()).isEqualTo(dead.id());
		Delivery recorded = this.mongo.findById(dead.id(), Delivery.class);
		assertThat(recorded.items()).extracting(Delivery.Item::reminderId).containsExactly(claimedByIt);
		assertThat(this.mongo.findById(claimedByIt, Reminder.class).state()).isEqualTo(Reminder.State.SENT);
		assertThat(this.mongo.findById(neverClaimed, Reminder.class).deliveryId()).isEqualTo("d-another-message");
	}

	private long count(String collection, Criteria criteria) {
		return this.mongo.count(Query.query(criteria), collection);
	}

	/** The records on cchc.notifications. */
	private long endOfNotifications() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ConsumerConfig.GROUP_ID_CONFIG, "bulk-test-" + System.nanoTime()),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATIONS)
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private static String code(int i) {
		return Integer.toString(300000 + i);
	}

	private static String phone(int i) {
		return "09135%05d".formatted(i);
	}

	private static String recipient(MimeMessage message) {
		try {
			return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Counts the write commands the driver sends for the reminder collections, and the
	 * documents they name.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class StoreWrites {

		private static final Set<String> COLLECTIONS = Set.of("deliveries");

		private static final AtomicLong commands = new AtomicLong();

		private static final AtomicLong documents = new AtomicLong();

		private static final Map<String, AtomicLong> byCommand = new ConcurrentHashMap<>();

		static void reset() {
			commands.set(0);
			documents.set(0);
			byCommand.clear();
		}

		static long commands() {
			return commands.get();
		}

		static long documents() {
			return documents.get();
		}

		static String byCommand() {
			return byCommand.toString();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer countWrites() {
			CommandListener listener = new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					String name = event.getCommandName();
					BsonDocument command = event.getCommand();
					String list = switch (name) {
						case "insert" -> "documents";
						case "update" -> "updates";
						case "delete" -> "deletes";
						default -> null;
					};
					if (list == null || !command.isString(name)) {
						return;
					}
					String collection = command.getString(name).getValue();
					// The reminders' inserts come from the submission consumer's plan,
					// not from the dispatcher.
					if (!COLLECTIONS.contains(collection)
							&& !(collection.equals("reminders") && !name.equals("insert"))) {
						return;
					}
					int size = command.containsKey(list) ? command.getArray(list).size() : event.getCommand().size();
					commands.incrementAndGet();
					documents.addAndGet(size);
					byCommand.computeIfAbsent(collection + "." + name, (key) -> new AtomicLong()).incrementAndGet();
				}
			};
			return (settings) -> settings.addCommandListener(listener);
		}

	}

}
