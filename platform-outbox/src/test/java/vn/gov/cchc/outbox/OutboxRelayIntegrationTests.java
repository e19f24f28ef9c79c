package vn.gov.cchc.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's steps driven one by one against a real broker (embedded KRaft) and the
 * tests' store, each test with a database and topics of its own. The aggregates are plain
 * documents with their events in an array, as the services keep them.
 */
class OutboxRelayIntegrationTests {

	private static final OutboxProperties PROPERTIES = new OutboxProperties(new OutboxProperties.Relay(true,
			Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(5), 500), 3, null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static EmbeddedKafkaKraftBroker broker;

	private final TestClock clock = new TestClock(Instant.parse("2026-03-02T01:00:00Z"));

	private final List<OutboxRelay> relays = new ArrayList<>();

	private MongoDatabase database;

	private String topic;

	private Outbox plans;

	private Outbox rounds;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@BeforeEach
	void freshDatabaseAndTopic() {
		this.database = MongoTestStore.freshDatabase("cchc-outbox-relay");
		this.topic = "cchc.outbox-it-" + UUID.randomUUID().toString().substring(0, 8);
		this.plans = new Outbox("plan", "plans", "outbox", this.topic);
		this.rounds = new Outbox("round", "rounds", "pending", this.topic);
	}

	@AfterEach
	void close() {
		this.relays.forEach(OutboxRelay::closeProducer);
		this.database.drop();
	}

	@Test
	void theWaitingEventsAreFoundThroughASparseIndexNotACollectionScan() {
		String eventId = write(this.plans, "PLR-INDEX-2026");
		OutboxRelay relay = relay("relay-index", new SimpleMeterRegistry());

		assertThat(relay.store().pendingEventIds(this.plans)).containsOnlyKeys(eventId);

		assertThat(this.database.getCollection("plans").listIndexes())
			.anySatisfy((index) -> assertThat(index).containsEntry("key", new Document("outbox.eventId", 1))
				.containsEntry("sparse", true));
		assertThat(relay.relayOnce()).isOne();
		assertThat(relay.store().pendingEventIds(this.plans)).isEmpty();
	}

	@Test
	void anEventSentByARelayThatDiedBeforeClearingItIsOnTheTopicExactlyOnce() {
		String eventId = write(this.plans, "PLR-DIED-2026");
		OutboxRelay dying = relay("relay-dying", new SimpleMeterRegistry());
		assertThat(dying.acquire()).isTrue();
		OutboxStore.Pending entry = dying.store().pending(this.plans, 10).get(0);
		assertThat(entry.event().eventId()).isEqualTo(eventId);

		RecordMetadata sent = dying.send(entry);
		// The process dies here: the broker has the record, the event still waits.
		dying.closeProducer();

		assertThat(sent.offset()).isNotNegative();
		assertThat(dying.store().pendingEventIds(this.plans)).containsKey(eventId);
		assertThat(countOnTopic(eventId)).isEqualTo(1);

		MeterRegistry meters = new SimpleMeterRegistry();
		OutboxRelay next = relay("relay-next", meters);
		assertThat(next.relayOnce()).as("the dead relay's lease has not expired yet").isZero();
		assertThat(next.store().pendingEventIds(this.plans)).containsKey(eventId);

		this.clock.advance(PROPERTIES.relay().leaseDuration().plusSeconds(1));
		assertThat(next.relayOnce()).as("sent nothing: the event was found on the topic").isZero();
		assertThat(next.relayOnce()).isZero();

		assertThat(next.store().pendingEventIds(this.plans)).isEmpty();
		assertThat(meters.get("cchc.outbox.reconciled").tag("aggregate", "plan").counter().count()).isEqualTo(1);
		assertThat(meters.get("cchc.outbox.published").tag("collection", "plans").counter().count()).isZero();
		assertThat(meters.get("cchc.outbox.pending").tag("aggregate", "plan").gauge().value()).isZero();
		assertThat(meters.get("cchc.outbox.lease.held").gauge().value()).isOne();
		assertThat(countOnTopic(eventId)).isEqualTo(1);
		assertThat(next.store().checkpoint(this.topic).values().stream().mapToLong(Long::longValue).sum())
			.as("the checkpoint moved past the record")
			.isEqualTo(1);
	}

	@Test
	void onlyTheLeaseHolderPublishesAndEveryEventIsOnTheTopicExactlyOnce() throws Exception {
		MeterRegistry metersA = new SimpleMeterRegistry();
		MeterRegistry metersB = new SimpleMeterRegistry();
		OutboxRelay a = relay("relay-a", metersA);
		OutboxRelay b = relay("relay-b", metersB);
		List<String> eventIds = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			eventIds.add(write(this.plans, "PLR-LEASE-" + i));
		}

		assertThat(a.relayOnce()).isEqualTo(3);
		assertThat(b.relayOnce()).isZero();
		assertThat(metersB.get("cchc.outbox.lease.held").gauge().value()).isZero();
		eventIds.add(write(this.plans, "PLR-LEASE-4"));
		assertThat(b.relayOnce()).isZero();
		assertThat(a.relayOnce()).isEqualTo(1);

		a.release();
		eventIds.add(write(this.plans, "PLR-LEASE-5"));
		assertThat(b.relayOnce()).as("takes over at once from a relay that stopped").isEqualTo(1);
		assertThat(a.relayOnce()).isZero();

		for (int i = 6; i <= 15; i++) {
			eventIds.add(write(this.plans, "PLR-LEASE-" + i));
		}
		// Each relay on a thread of its own, as in two processes, running at the same
		// time.
		ExecutorService threadA = Executors.newSingleThreadExecutor();
		ExecutorService threadB = Executors.newSingleThreadExecutor();
		try {
			List<Future<Integer>> rounds = new ArrayList<>();
			for (int round = 0; round < 5; round++) {
				rounds.add(threadA.submit(a::relayOnce));
				rounds.add(threadB.submit(b::relayOnce));
			}
			for (Future<Integer> round : rounds) {
				round.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threadA.shutdownNow();
			threadB.shutdownNow();
		}

		assertThat(a.store().pendingEventIds(this.plans)).isEmpty();
		assertThat(metersA.get("cchc.outbox.published").tag("aggregate", "plan").counter().count()).isEqualTo(4);
		assertThat(metersB.get("cchc.outbox.published").tag("aggregate", "plan").counter().count()).isEqualTo(11);
		Map<String, Long> onTopic = idsOnTopic();
		assertThat(onTopic.keySet()).containsExactlyInAnyOrderElementsOf(eventIds);
		assertThat(onTopic.values()).containsOnly(1L);
		assertThat(a.store().checkpoint(this.topic).values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(eventIds.size());
	}

	@Test
	void anAggregatesEventsArePublishedInTheOrderTheyWereWritten() {
		String planId = "PLR-ORDER-2026";
		List<String> written = List.of(write(this.plans, planId), write(this.plans, planId), write(this.plans, planId));

		assertThat(relay("relay-order", new SimpleMeterRegistry()).relayOnce()).isEqualTo(3);

		assertThat(onTopic()).filteredOn((record) -> planId.equals(record.key()))
			.extracting((record) -> eventId(record.value()))
			.containsExactlyElementsOf(written);
	}

	@Test
	void eventsOfOneKeyInManyDocumentsOfTwoCollectionsKeepTheirOrderWhileOtherKeysShareEachWave() {
		// As a plan's PeriodOpened (a round) and a unit's deliveries: documents of their
		// own, events of one key.
		List<String> keyed = new ArrayList<>();
		keyed.add(write(this.rounds, "A-1", "KEY-1"));
		keyed.add(write(this.rounds, "A-1", "KEY-1"));
		keyed.add(write(this.plans, "B-1", "KEY-1"));
		keyed.add(write(this.plans, "B-2", "KEY-1"));
		List<String> others = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			others.add(write(this.plans, "C-" + i, "OTHER-" + i));
		}
		MeterRegistry meters = new SimpleMeterRegistry();
		assertThat(meters.find("cchc.outbox.pending").gauges()).isEmpty();
		OutboxRelay relay = relay("relay-waves", meters);
		assertThat(meters.get("cchc.outbox.pending").tag("aggregate", "round").gauge().value()).isEqualTo(2);
		assertThat(meters.get("cchc.outbox.pending").tag("aggregate", "plan").gauge().value()).isEqualTo(22);

		assertThat(relay.relayOnce()).isEqualTo(24);

		// The rounds' collection is read first, so its events come first; within a
		// collection, documents by id.
		assertThat(onTopic()).filteredOn((record) -> "KEY-1".equals(record.key()))
			.extracting((record) -> eventId(record.value()))
			.containsExactlyElementsOf(keyed);
		assertThat(idsOnTopic().keySet()).containsAll(others);
		assertThat(meters.get("cchc.outbox.published").tag("aggregate", "round").counter().count()).isEqualTo(2);
		assertThat(meters.get("cchc.outbox.published").tag("aggregate", "plan").counter().count()).isEqualTo(22);
		assertThat(this.database.getCollection("rounds").find(this.rounds.withPending()).first()).isNull();
		assertThat(this.database.getCollection("plans").find(this.plans.withPending()).first()).isNull();
	}

	@Test
	void anEventStoredAsARecordsJsonIsSentAsItWasWritten() {
		// How report-service stores its records: Jackson's JSON, the time an ISO instant.
		OutboxEvent event = OutboxEvent.of(UUID.randomUUID().toString(), "vn.gov.cchc.test.done.v1", "R-1",
				cloudEvent("R-1"), this.clock.instant());
		Document stored = Document.parse(JSON.writeValueAsString(event));
		this.database.getCollection("rounds").insertOne(new Document("_id", "R-1").append("pending", List.of(stored)));
		assertThat(OutboxEvent.from(stored, "R-1")).isEqualTo(event);

		assertThat(relay("relay-json", new SimpleMeterRegistry()).relayOnce()).isEqualTo(1);

		assertThat(onTopic()).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("R-1");
			assertThat(record.value()).isEqualTo(event.cloudEvent());
			assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
				.isEqualTo("application/cloudevents+json");
		});
	}

	@Test
	void eventsJustWrittenGoSoonWithoutWaitingForThePollAndOthersWaitForIt() {
		OutboxRelay relay = relay("relay-soon", new SimpleMeterRegistry());
		assertThat(relay.relayOnce()).as("a poll that finds nothing").isZero();
		String soon = write(this.plans, "SOON-1");
		String later = write(this.plans, "LATER-1");

		// What relaySoon asks the relay's thread to do, done here.
		relay.soon(this.plans, List.of("SOON-1"));
		relay.tickSoon();

		assertThat(countOnTopic(soon)).isEqualTo(1);
		assertThat(relay.store().pendingEventIds(this.plans)).containsOnlyKeys(later);
		assertThat(countOnTopic(later)).isZero();
		relay.tickSoon();
		assertThat(countOnTopic(later)).as("asked for once, sent once").isZero();

		assertThat(relay.relayOnce()).isEqualTo(1);
		assertThat(idsOnTopic()).containsOnlyKeys(soon, later).allSatisfy((id, count) -> assertThat(count).isOne());
	}

	@Test
	void anIdleRelayWritesNothingAndGivesTheLeaseUpAfterAFewPolls() {
		MeterRegistry meters = new SimpleMeterRegistry();
		OutboxRelay relay = relay("relay-idle", meters);
		write(this.plans, "IDLE-1");
		assertThat(relay.relayOnce()).isEqualTo(1);
		Document held = relay.store().lease();
		assertThat(held.getString("holder")).isEqualTo("relay-idle");

		assertThat(relay.relayOnce()).isZero();
		assertThat(relay.store().lease()).as("an idle poll writes nothing").isEqualTo(held);
		assertThat(meters.get("cchc.outbox.lease.held").gauge().value()).isOne();

		this.clock.advance(OutboxRelay.idleHold(PROPERTIES.relay()));
		assertThat(relay.relayOnce()).isZero();
		Document released = relay.store().lease();
		assertThat(released.getDate("expiresAt")).isEqualTo(new Date(0));
		assertThat(released.getDate("renewedAt")).isAfter(held.getDate("renewedAt"));
		assertThat(meters.get("cchc.outbox.lease.held").gauge().value()).isZero();
		assertThat(relay.relayOnce()).isZero();
		assertThat(relay.store().lease()).as("an idle relay without the lease writes nothing").isEqualTo(released);

		String next = write(this.plans, "IDLE-2");
		assertThat(relay.relayOnce()).isEqualTo(1);
		assertThat(countOnTopic(next)).isEqualTo(1);
		assertThat(relay.store().lease().getString("holder")).isEqualTo("relay-idle");
	}

	/** Writes an event into its aggregate's document, keyed by the aggregate's id. */
	private String write(Outbox outbox, String id) {
		return write(outbox, id, id);
	}

	/** Writes an event into a document, creating it, as one update. */
	private String write(Outbox outbox, String id, String key) {
		String eventId = UUID.randomUUID().toString();
		OutboxEvent event = OutboxEvent.of(eventId, "vn.gov.cchc.test.happened.v1", key, cloudEvent(eventId),
				this.clock.instant());
		this.database.getCollection(outbox.collection())
			.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "CHANGED"), outbox.add(event)),
					new com.mongodb.client.model.UpdateOptions().upsert(true));
		return eventId;
	}

	private String cloudEvent(String eventId) {
		return "{\"specversion\":\"1.0\",\"id\":\"" + eventId
				+ "\",\"source\":\"/cchc/test\",\"type\":\"vn.gov.cchc.test.happened.v1\",\"data\":{}}";
	}

	private OutboxRelay relay(String holder, MeterRegistry meters) {
		OutboxRelay relay = new OutboxRelay(this.database, broker.getBrokersAsString(),
				List.of(this.rounds, this.plans), PROPERTIES, this.clock, meters, holder);
		this.relays.add(relay);
		return relay;
	}

	private long countOnTopic(String eventId) {
		return idsOnTopic().getOrDefault(eventId, 0L);
	}

	private Map<String, Long> idsOnTopic() {
		return onTopic().stream()
			.map((record) -> eventId(record.value()))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static String eventId(String cloudEvent) {
		return JSON.readTree(cloudEvent).get("id").asString();
	}

	/** Every record on the test's topic, each partition's in order. */
	private List<ConsumerRecord<String, String>> onTopic() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", broker.getBrokersAsString(), "isolation.level", "read_committed"),
				new org.apache.kafka.common.serialization.StringDeserializer(),
				new org.apache.kafka.common.serialization.StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(this.topic)
				.stream()
				.map((info) -> new TopicPartition(this.topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				assertThat(System.nanoTime()).as("read the topic to its end in time").isLessThan(deadline);
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	/** A clock the test moves, so that a lease expires without waiting for it. */
	static final class TestClock extends Clock {

		private final AtomicReference<Instant> now;

		TestClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
