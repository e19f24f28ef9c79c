package vn.gov.cchc.plan.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;
import vn.gov.cchc.plan.cloudevent.CloudEventJson;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's steps driven one by one against the real broker and store, each test with a
 * database and a topic of its own, so that the service's own relay never sees them.
 */
class PlanOutboxRelayIntegrationTests extends PlanServiceIntegrationTest {

	private static final PlanOutboxProperties.Relay SETTINGS = new PlanOutboxProperties.Relay(true,
			Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(5));

	@Autowired
	private JsonMapper json;

	private final CloudEventJson cloudEvents = new CloudEventJson();

	private final TestClock clock = new TestClock(Instant.parse("2026-03-02T01:00:00Z"));

	private MongoClient client;

	private MongoTemplate mongo;

	private Plans plans;

	private PlanOutboxStore store;

	private String topic;

	private final List<PlanOutboxRelay> relays = new ArrayList<>();

	@BeforeEach
	void freshDatabaseAndTopic() {
		this.client = MongoClients.create(MongoTestStore.connectionString());
		this.mongo = new MongoTemplate(this.client, "cchc-plan-relay-" + UUID.randomUUID());
		this.plans = new Plans(this.mongo, new PlanDocuments(this.json));
		this.store = new PlanOutboxStore(this.mongo);
		this.topic = "cchc.plans.relay-it-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void close() {
		this.relays.forEach(PlanOutboxRelay::closeProducer);
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void anEventSentByARelayThatDiedBeforeRemovingItsEntryIsOnTheTopicExactlyOnce() {
		String eventId = issue("PLR-DIED-2026");
		PlanOutboxRelay dying = relay("relay-dying", new SimpleMeterRegistry());
		assertThat(dying.acquire()).isTrue();
		PlanOutboxStore.Pending entry = this.store.pending(10).get(0);
		assertThat(entry.eventId()).isEqualTo(eventId);

		RecordMetadata sent = dying.send(entry);
		// The process dies here: the broker has the record, the entry is still pending.
		dying.closeProducer();

		assertThat(sent.offset()).isNotNegative();
		assertThat(this.store.pendingEventIds()).containsKey(eventId);
		assertThat(countOnTopic(eventId)).isEqualTo(1);

		MeterRegistry meters = new SimpleMeterRegistry();
		PlanOutboxRelay next = relay("relay-next", meters);
		assertThat(next.relayOnce()).as("the dead relay's lease has not expired yet").isZero();
		assertThat(this.store.pendingEventIds()).containsKey(eventId);

		this.clock.advance(SETTINGS.leaseDuration().plusSeconds(1));
		assertThat(next.relayOnce()).as("sent nothing: the event was found on the topic").isZero();
		assertThat(next.relayOnce()).isZero();

		assertThat(this.store.pendingEventIds()).isEmpty();
		assertThat(meters.get("cchc.plans.outbox.reconciled").counter().count()).isEqualTo(1);
		assertThat(meters.get("cchc.plans.outbox.published").counter().count()).isZero();
		assertThat(meters.get("cchc.plans.outbox.pending").gauge().value()).isZero();
		assertThat(countOnTopic(eventId)).isEqualTo(1);
		assertThat(this.store.checkpoint(this.topic).values().stream().mapToLong(Long::longValue).sum())
			.as("the checkpoint moved past the record")
			.isEqualTo(1);
	}

	@Test
	void onlyTheLeaseHolderPublishesAndEveryEventIsOnTheTopicExactlyOnce() throws Exception {
		MeterRegistry metersA = new SimpleMeterRegistry();
		MeterRegistry metersB = new SimpleMeterRegistry();
		PlanOutboxRelay a = relay("relay-a", metersA);
		PlanOutboxRelay b = relay("relay-b", metersB);
		List<String> eventIds = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			eventIds.add(issue("PLR-LEASE-" + i));
		}

		assertThat(a.relayOnce()).isEqualTo(3);
		assertThat(b.relayOnce()).isZero();
		eventIds.add(issue("PLR-LEASE-4"));
		assertThat(b.relayOnce()).isZero();
		assertThat(a.relayOnce()).isEqualTo(1);

		a.release();
		eventIds.add(issue("PLR-LEASE-5"));
		assertThat(b.relayOnce()).as("takes over at once from a relay that stopped").isEqualTo(1);
		assertThat(a.relayOnce()).isZero();

		for (int i = 6; i <= 15; i++) {
			eventIds.add(issue("PLR-LEASE-" + i));
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

		assertThat(this.store.pendingEventIds()).isEmpty();
		assertThat(metersA.get("cchc.plans.outbox.published").counter().count()).isEqualTo(4);
		assertThat(metersB.get("cchc.plans.outbox.published").counter().count()).isEqualTo(11);
		Map<String, Long> onTopic = idsOnTopic();
		assertThat(onTopic.keySet()).containsExactlyInAnyOrderElementsOf(eventIds);
		assertThat(onTopic.values()).containsOnly(1L);
		assertThat(this.store.checkpoint(this.topic).values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(eventIds.size());
	}

	@Test
	void aPlansEventsArePublishedInTheOrderTheyWereWritten() {
		String planId = "PLR-ORDER-2026";
		String issued = issue(planId);
		PlanDetails v1 = this.plans.findInForce(planId).orElseThrow();
		PlanDetails v2 = new PlanDetails(planId, 2, PlanStatus.AMENDED, v1.number(), "Kế hoạch đã điều chỉnh",
				v1.issuerCode(), v1.issuedOn(), v1.from(), v1.to(), v1.basis(), v1.contentAreas(), v1.activities(),
				v1.targets(), v1.budgetVnd(), v1.budgetNote(), v1.reporting());
		OutboxEntry amended = new PlanEvents(this.cloudEvents).amended(v2, this.clock.instant());
		assertThat(this.plans.amend(planId, 2, v2, new PlanChange(2, PlanStatus.AMENDED, v1.issuedOn().plusDays(30),
				"Điều chỉnh", this.clock.instant(), amended.eventId()), amended))
			.isTrue();
		OutboxEntry closed = new PlanEvents(this.cloudEvents).closed(Plans.withStatus(v2, PlanStatus.CLOSED),
				this.clock.instant());
		assertThat(this.plans.close(planId, 3, v1.to(), null,
				new PlanChange(2, PlanStatus.CLOSED, v1.to(), null, this.clock.instant(), closed.eventId()), closed))
			.isTrue();

		assertThat(relay("relay-order", new SimpleMeterRegistry()).relayOnce()).isEqualTo(3);

		assertThat(topic(this.topic).withKey(planId))
			.extracting((record) -> this.cloudEvents.read(record.value().getBytes()).id())
			.containsExactly(issued, amended.eventId(), closed.eventId());
		assertThat(topic(this.topic).withKey(planId))
			.extracting((record) -> this.cloudEvents.read(record.value().getBytes()).type())
			.containsExactly(EventTypes.PLAN_ISSUED_V1, EventTypes.PLAN_AMENDED_V1, EventTypes.PLAN_CLOSED_V1);
	}

	/** Stores an issued plan with its pending event, as {@code POST :issue} does. */
	private String issue(String planId) {
		PlanDetails plan = PlanFixtures.oneYearPlan(planId, "PLR", "PLR.PTTH", 2026);
		assertThat(this.plans.insertDraft(Plans.withStatus(plan, PlanStatus.DRAFT))).isTrue();
		OutboxEntry event = new PlanEvents(this.cloudEvents).issued(plan, this.clock.instant());
		assertThat(this.plans.issue(planId, 1, plan,
				new PlanChange(1, PlanStatus.ISSUED, plan.issuedOn(), null, this.clock.instant(), event.eventId()),
				event))
			.isTrue();
		return event.eventId();
	}

	private PlanOutboxRelay relay(String holder, MeterRegistry meters) {
		PlanOutboxRelay relay = new PlanOutboxRelay(this.store,
				new PlanEventsKafka(this.broker.getBrokersAsString(), SETTINGS.sendTimeout()), this.cloudEvents,
				this.topic, 3, this.clock, SETTINGS, meters, holder);
		this.relays.add(relay);
		return relay;
	}

	private long countOnTopic(String eventId) {
		return idsOnTopic().getOrDefault(eventId, 0L);
	}

	private Map<String, Long> idsOnTopic() {
		return topic(this.topic).all()
			.stream()
			.map((record) -> this.cloudEvents.read(record.value().getBytes()).id())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
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
