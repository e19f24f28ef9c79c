package vn.gov.cchc.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.CloudEvent;

import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events waiting in a service's {@link Outbox}es to their topics, so that a
 * change, written with its event in one update of one document, reaches the topic once.
 *
 * <p>
 * <b>One relay at a time.</b> Every instance of a service runs this, on one thread of its
 * own, every {@code poll-interval}; only the holder of the lease in
 * {@value #LEASE_COLLECTION} publishes. The lease is taken and renewed by an atomic
 * findAndModify before every wave of sends, so a relay that lost it sends nothing more,
 * and a relay that crashed is replaced after at most {@code lease-duration}. A wave is
 * bounded by {@code send-timeout}, at most half the lease, so a relay that lost its lease
 * has finished its last wave before the next holder starts. A relay with nothing to send
 * writes nothing, and gives the lease up after a few idle polls.
 *
 * <p>
 * <b>In order, at least once.</b> Every send waits for the broker's acknowledgement
 * ({@code acks=all}, one idempotent producer), then the event is cleared from its
 * document ({@code $pull} by event id) and the checkpoint moves past the record. The
 * events of a round are sent in waves: a wave takes the oldest event of every key, all
 * handed to the producer at once and then awaited together, so that many aggregates share
 * the broker's round trips while a key's next event is sent only once the one before it
 * is on the topic. A failed send ends the round, so nothing later of that key overtakes
 * it.
 *
 * <p>
 * <b>Not twice.</b> The process can die after the broker has a record and before its
 * event is cleared. So whenever a relay takes the lease (at start, after a failure, after
 * losing it), it first reconciles: it reads each topic from its checkpoint to its end,
 * collects the CloudEvent ids there, and clears the waiting events already on it instead
 * of sending them again. The checkpoint only moves past records whose events were
 * cleared, so the scan is bounded by it and still sees every record of a waiting event. A
 * record written by a send that failed is found the same way, since a failure gives the
 * lease up to the next reconciliation. Consumers still dedupe by event id: the guarantee
 * holds for the broker's log, not for a consumer that reads a record twice.
 *
 * <p>
 * An instance is driven by one thread at a time (its scheduler, or a test): two rounds of
 * the same instance at once would both hold its lease.
 */
public class OutboxRelay implements SmartLifecycle {

	/** The collection of the lease and the checkpoints. */
	public static final String LEASE_COLLECTION = OutboxStore.RELAY_COLLECTION;

	/** The lease's {@code _id} in {@link #LEASE_COLLECTION}. */
	public static final String LEASE_ID = OutboxStore.LEASE_ID;

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final OutboxStore store;

	private final OutboxKafka kafka;

	private final OutboxTopics topics;

	private final List<Outbox> outboxes;

	private final Clock clock;

	private final OutboxProperties.Relay settings;

	private final String holder;

	private final Map<Outbox, Meters> meters = new LinkedHashMap<>();

	private volatile boolean holding;

	// The fields below are used by the relay thread only (and by stop() once that thread
	// is done).
	private @Nullable KafkaProducer<String, byte[]> producer;

	private Instant leaseRenewedAt = Instant.MIN;

	private Instant lastBusy = Instant.MIN;

	private boolean reconciled;

	private boolean roundFailed;

	private int failures;

	private Instant retryAfter = Instant.MIN;

	private final AtomicBoolean wakeUp = new AtomicBoolean();

	private final Queue<Soon> soon = new ConcurrentLinkedQueue<>();

	private volatile @Nullable ScheduledExecutorService executor;

	/**
	 * @param database the service's store, where the outboxes and the lease are
	 * @param bootstrapServers the brokers
	 * @param outboxes what to relay
	 * @param properties how
	 * @param clock the time of the lease
	 * @param registry where the metrics go
	 * @param holder this instance's name in the lease ({@link #newHolderId})
	 */
	public OutboxRelay(MongoDatabase database, String bootstrapServers, List<Outbox> outboxes,
			OutboxProperties properties, Clock clock, MeterRegistry registry, String holder) {
		this.store = new OutboxStore(database);
		this.kafka = new OutboxKafka(bootstrapServers, properties.relay().sendTimeout());
		this.outboxes = List.copyOf(outboxes);
		this.topics = new OutboxTopics(this.kafka, properties.topicPartitions(), holder);
		this.clock = clock;
		this.settings = properties.relay();
		this.holder = holder;
		for (Outbox outbox : this.outboxes) {
			Tags tags = Tags.of("aggregate", outbox.aggregate(), "collection", outbox.collection());
			this.meters.put(outbox, new Meters(
					Counter.builder("cchc.outbox.published")
						.description("Events the outbox relay published and cleared")
						.tags(tags)
						.register(registry),
					Counter.builder("cchc.outbox.failures")
						.description("Sends of outbox events the broker did not acknowledge")
						.tags(tags)
						.register(registry),
					Counter.builder("cchc.outbox.reconciled")
						.description("Waiting events found already on their topic and cleared without sending again")
						.tags(tags)
						.register(registry)));
			// Counted when read, so that it is right on every instance, relaying or not.
			Gauge.builder("cchc.outbox.pending", this.store, (store) -> store.pendingEventIds(outbox).size())
				.description("Events written and not yet known to be on their topic")
				.tags(tags)
				.strongReference(true)
				.register(registry);
		}
		Gauge.builder("cchc.outbox.lease.held", this, (relay) -> relay.holding ? 1 : 0)
			.description("Whether this instance holds the outbox relay's lease (1) or not (0)")
			.strongReference(true)
			.register(registry);
	}

	/**
	 * An id telling instances apart in the lease: the service, host, process and a random
	 * part.
	 */
	public static String newHolderId(String application) {
		String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
		return application + "@" + host + ":" + ProcessHandle.current().pid() + ":"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	String holder() {
		return this.holder;
	}

	OutboxStore store() {
		return this.store;
	}

	/**
	 * Rounds, as long as they find full batches: takes or renews the lease (reconciling
	 * when newly taken), and publishes what is waiting.
	 * @return the number of events published
	 */
	public int relayOnce() {
		this.roundFailed = false;
		int sent = 0;
		boolean more = true;
		while (more && !this.roundFailed) {
			List<OutboxStore.Pending> pending = pending();
			if (pending.isEmpty()) {
				idle();
				return sent;
			}
			if (!acquire()) {
				return sent;
			}
			if (this.reconciled) {
				// What reconciling found on the topic is no longer waiting.
				pending = pending();
			}
			more = false;
			for (Outbox outbox : this.outboxes) {
				more |= pending.stream()
					.filter((event) -> event.outbox().equals(outbox))
					.map(OutboxStore.Pending::aggregateId)
					.distinct()
					.count() >= this.settings.documentsPerRound();
			}
			int published = publish(pending);
			sent += published;
			more &= this.holding && published > 0;
		}
		return sent;
	}

	private List<OutboxStore.Pending> pending() {
		List<OutboxStore.Pending> pending = new ArrayList<>();
		for (Outbox outbox : this.outboxes) {
			pending.addAll(this.store.pending(outbox, this.settings.documentsPerRound()));
		}
		return pending;
	}

	/**
	 * Nothing to send: an idle relay writes nothing, and gives the lease up once it has
	 * had nothing to send for a while, so that an idle service leaves its store alone.
	 * The next holder, this one or another, reconciles first, from a checkpoint that is
	 * recent.
	 */
	private void idle() {
		if (this.holding
				&& Duration.between(this.lastBusy, this.clock.instant()).compareTo(idleHold(this.settings)) >= 0) {
			release();
		}
	}

	/**
	 * How long an idle relay keeps the lease without renewing it: a few polls, so that a
	 * service writing now and then does not reconcile each time, and at most a third of
	 * the lease, so that it is given up long before it would lapse.
	 */
	static Duration idleHold(OutboxProperties.Relay settings) {
		Duration polls = settings.pollInterval().multipliedBy(4);
		Duration third = settings.leaseDuration().dividedBy(3);
		return (polls.compareTo(third) < 0) ? polls : third;
	}

	/**
	 * Sends the events wave after wave, each wave the oldest event left of every key.
	 * @return how many were published
	 */
	private int publish(List<OutboxStore.Pending> pending) {
		Map<String, ArrayDeque<OutboxStore.Pending>> byKey = new LinkedHashMap<>();
		for (OutboxStore.Pending event : pending) {
			byKey.computeIfAbsent(event.outbox().topic() + '\u0000' + event.event().key(), (key) -> new ArrayDeque<>())
				.add(event);
		}
		int sent = 0;
		while (!byKey.isEmpty()) {
			if (this.store.acquire(this.holder, this.clock.instant(),
					this.settings.leaseDuration()) != OutboxStore.Lease.RENEWED) {
				// Lost, or lapsed and retaken: someone may have relayed in between.
				this.holding = false;
				break;
			}
			List<OutboxStore.Pending> wave = new ArrayList<>();
			byKey.values().removeIf((events) -> {
				wave.add(events.poll());
				return events.isEmpty();
			});
			Wave done = send(wave);
			this.store.clear(done.acknowledged().stream().map((event) -> event.pending().ref()).toList());
			for (Sent event : done.acknowledged()) {
				this.meters.get(event.pending().outbox()).published().increment();
			}
			sent += done.acknowledged().size();
			this.lastBusy = this.clock.instant();
			if (!done.failed().isEmpty()) {
				failed(done.failed());
				break;
			}
			// Only a wave without failures moves the checkpoints: a failed send may have
			// written a record below the offsets acknowledged after it.
			Map<String, Map<Integer, Long>> ends = new LinkedHashMap<>();
			for (Sent event : done.acknowledged()) {
				ends.computeIfAbsent(event.record().topic(), (topic) -> new LinkedHashMap<>())
					.merge(event.record().partition(), event.record().offset() + 1, Math::max);
			}
			ends.forEach(this.store::advanceCheckpoint);
		}
		return sent;
	}

	/** Hands a wave to the producer at once, then waits for every acknowledgement. */
	private Wave send(List<OutboxStore.Pending> wave) {
		List<Sending> sending = new ArrayList<>();
		List<OutboxStore.Pending> failed = new ArrayList<>();
		for (OutboxStore.Pending event : wave) {
			try {
				sending.add(new Sending(event, producer().send(record(event))));
			}
			catch (RuntimeException ex) {
				logger.warn("Outbox event {} of {} {} could not be handed to the producer: {}", event.event().eventId(),
						event.outbox().aggregate(), event.aggregateId(), ex.toString());
				failed.add(event);
				// The producer is broken: what is left of the wave waits for the next
				// round.
				break;
			}
		}
		long deadline = System.nanoTime() + this.kafka.maxSendDuration().plusSeconds(1).toNanos();
		List<Sent> acknowledged = new ArrayList<>();
		for (Sending event : sending) {
			try {
				acknowledged.add(new Sent(event.pending(),
						event.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed.add(event.pending());
			}
			catch (ExecutionException | TimeoutException ex) {
				logger.warn("Outbox event {} of {} {} was not acknowledged on {}: {}",
						event.pending().event().eventId(), event.pending().outbox().aggregate(),
						event.pending().aggregateId(), event.pending().outbox().topic(), causes(ex));
				failed.add(event.pending());
			}
		}
		return new Wave(acknowledged, failed);
	}

	/**
	 * Sends one event and waits for the broker's acknowledgement, without clearing it:
	 * the first half of a round, for tests that stop a relay in between.
	 */
	RecordMetadata send(OutboxStore.Pending event) {
		Wave done = send(List.of(event));
		if (!done.failed().isEmpty()) {
			failed(done.failed());
			throw new IllegalStateException("Outbox event " + event.event().eventId() + " was not acknowledged");
		}
		return done.acknowledged().get(0).record();
	}

	/**
	 * After a failed send: the record may have been written, so the lease is given up to
	 * the next reconciliation, and the producer starts afresh.
	 */
	private void failed(List<OutboxStore.Pending> failed) {
		this.roundFailed = true;
		this.holding = false;
		closeProducer();
		for (OutboxStore.Pending event : failed) {
			this.meters.get(event.outbox()).failures().increment();
			try {
				this.store.countAttempt(event);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not count the attempt on outbox event {}", event.event().eventId(), ex);
			}
		}
	}

	private ProducerRecord<String, byte[]> record(OutboxStore.Pending event) {
		return new ProducerRecord<>(event.outbox().topic(), null, event.event().key(),
				event.event().cloudEvent().getBytes(StandardCharsets.UTF_8), List.of(new RecordHeader("content-type",
						CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * Takes or renews the lease; when newly taken, reconciles before anything is sent.
	 * @return whether this relay holds the lease
	 */
	boolean acquire() {
		this.reconciled = false;
		Instant now = this.clock.instant();
		OutboxStore.Lease lease = this.store.acquire(this.holder, now, this.settings.leaseDuration());
		if (lease == OutboxStore.Lease.REFUSED) {
			this.holding = false;
			return false;
		}
		this.lastBusy = now;
		if (!this.holding || lease == OutboxStore.Lease.ACQUIRED) {
			this.holding = false;
			topicNames().forEach(this.topics::ensure);
			reconcile();
			this.reconciled = true;
			this.holding = true;
		}
		return true;
	}

	private Set<String> topicNames() {
		Set<String> names = new LinkedHashSet<>();
		this.outboxes.forEach((outbox) -> names.add(outbox.topic()));
		return names;
	}

	/**
	 * Clears the waiting events that are on their topic already, reading each topic from
	 * its checkpoint to its current end, then moves the checkpoint to that end. Nothing
	 * can be sent meanwhile: only the lease holder sends, and this is it.
	 */
	void reconcile() {
		try (KafkaConsumer<byte[], byte[]> consumer = this.topics.consumer()) {
			for (String topic : topicNames()) {
				Map<String, OutboxStore.Ref> waiting = new LinkedHashMap<>();
				for (Outbox outbox : this.outboxes) {
					if (outbox.topic().equals(topic)) {
						this.store.pendingEventIds(outbox)
							.forEach((eventId, id) -> waiting.put(eventId, new OutboxStore.Ref(outbox, id, eventId)));
					}
				}
				this.leaseRenewedAt = this.clock.instant();
				OutboxTopics.Scan scan = this.topics.scan(consumer, topic, this.store.checkpoint(topic),
						waiting.keySet(), this::keepLeaseWhileReading);
				List<OutboxStore.Ref> onTopic = scan.found().stream().map(waiting::get).toList();
				this.store.clear(onTopic);
				onTopic.forEach((event) -> this.meters.get(event.outbox()).reconciled().increment());
				if (!onTopic.isEmpty()) {
					logger.info("Outbox reconciliation found {} of {} waiting events already on {}", onTopic.size(),
							waiting.size(), topic);
				}
				this.store.advanceCheckpoint(topic, scan.ends());
			}
		}
	}

	/** A long read keeps the lease, so that nobody else starts sending meanwhile. */
	private void keepLeaseWhileReading() {
		Instant now = this.clock.instant();
		if (Duration.between(this.leaseRenewedAt, now).compareTo(this.settings.leaseDuration().dividedBy(3)) > 0) {
			if (this.store.acquire(this.holder, now, this.settings.leaseDuration()) != OutboxStore.Lease.RENEWED) {
				throw new IllegalStateException("Lost the outbox relay lease while reconciling");
			}
			this.leaseRenewedAt = now;
		}
	}

	private KafkaProducer<String, byte[]> producer() {
		KafkaProducer<String, byte[]> current = this.producer;
		if (current == null) {
			current = this.kafka.producer(this.holder + "-relay");
			this.producer = current;
		}
		return current;
	}

	/**
	 * Drops the producer: after a failure a fresh one starts clean, and a relay that
	 * stops leaves nothing open.
	 */
	void closeProducer() {
		KafkaProducer<String, byte[]> current = this.producer;
		this.producer = null;
		if (current != null) {
			try {
				current.close(Duration.ZERO);
			}
			catch (RuntimeException ex) {
				logger.debug("Closing the outbox relay producer failed", ex);
			}
		}
	}

	/**
	 * Sends the events of these documents soon, on the relay's thread, when a service has
	 * just written them and wants them out before the next poll: the round reads these
	 * documents by id instead of looking through the collection. Only the lease holder
	 * sends them; on another instance this finds nothing to do, and the holder's next
	 * poll does. What it misses (a broker away, a process that dies) the next poll finds
	 * too. It does not look at other documents, so an older event of the same key waiting
	 * in another document, after a failure, may go after these.
	 * @param outbox where the events wait
	 * @param ids the documents' ids
	 */
	public void relaySoon(Outbox outbox, Collection<?> ids) {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler == null) {
			// Not relaying here (disabled, or stopping): the holder's polls find them.
			return;
		}
		soon(outbox, ids);
		if (this.wakeUp.compareAndSet(false, true)) {
			try {
				scheduler.execute(this::tickSoon);
			}
			catch (RuntimeException ex) {
				// Shutting down: the events wait for the next holder.
				this.wakeUp.set(false);
			}
		}
	}

	/** Remembers documents to send at the next {@link #tickSoon}. */
	void soon(Outbox outbox, Collection<?> ids) {
		if (!ids.isEmpty() && this.outboxes.contains(outbox)) {
			this.soon.add(new Soon(outbox, List.copyOf(ids)));
		}
	}

	/** The documents asked for since the last time, sent unless the relay backs off. */
	void tickSoon() {
		this.wakeUp.set(false);
		Map<Outbox, Set<Object>> ids = new LinkedHashMap<>();
		for (Soon next = this.soon.poll(); next != null; next = this.soon.poll()) {
			ids.computeIfAbsent(next.outbox(), (outbox) -> new LinkedHashSet<>()).addAll(next.ids());
		}
		Instant now = this.clock.instant();
		if (ids.isEmpty() || now.isBefore(this.retryAfter)) {
			return;
		}
		round(now, () -> {
			this.roundFailed = false;
			if (!pending(ids).isEmpty() && acquire()) {
				publish(pending(ids));
			}
		});
	}

	private List<OutboxStore.Pending> pending(Map<Outbox, Set<Object>> ids) {
		List<OutboxStore.Pending> pending = new ArrayList<>();
		ids.forEach((outbox, documents) -> pending.addAll(this.store.pending(outbox, documents)));
		return pending;
	}

	/** A scheduled round: failures are logged and retried later, with a growing pause. */
	void tick() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.retryAfter)) {
			return;
		}
		round(now, this::relayOnce);
	}

	private void round(Instant now, Runnable round) {
		try {
			round.run();
			if (!this.roundFailed) {
				this.failures = 0;
				return;
			}
		}
		catch (RuntimeException ex) {
			this.holding = false;
			closeProducer();
			logger.warn("Outbox relay round failed: {}", causes(ex));
			logger.debug("Outbox relay failure", ex);
		}
		this.failures++;
		Duration pause = this.settings.pollInterval().multipliedBy(1L << Math.min(this.failures, 10));
		this.retryAfter = now.plus((pause.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : pause);
		logger.warn("Outbox relay: {} failed round(s) in a row, retrying after {}", this.failures, this.retryAfter);
	}

	private static String causes(Throwable ex) {
		StringBuilder text = new StringBuilder(ex.toString());
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			text.append("; caused by ").append(cause);
		}
		return text.toString();
	}

	@Override
	public void start() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		scheduler.scheduleWithFixedDelay(this::tick, 0, this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
		logger.info("Outbox relay {} started for {}", this.holder,
				this.outboxes.stream().map((outbox) -> outbox.collection() + " → " + outbox.topic()).toList());
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		this.executor = null;
		if (scheduler != null) {
			scheduler.shutdown();
			try {
				if (!scheduler.awaitTermination(1, TimeUnit.SECONDS)) {
					// Interrupting a send is safe: the next holder reconciles first.
					scheduler.shutdownNow();
					scheduler.awaitTermination(this.kafka.timeout().toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		closeProducer();
		release();
	}

	/**
	 * Gives the lease up, if held, so that another instance need not wait for it to
	 * expire.
	 */
	void release() {
		if (!this.holding) {
			return;
		}
		this.holding = false;
		try {
			this.store.release(this.holder, this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release the outbox relay lease: {}", ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

	private record Meters(Counter published, Counter failures, Counter reconciled) {

	}

	private record Sending(OutboxStore.Pending pending, Future<RecordMetadata> acknowledgement) {

	}

	private record Sent(OutboxStore.Pending pending, RecordMetadata record) {

	}

	private record Wave(List<Sent> acknowledged, List<OutboxStore.Pending> failed) {

	}

	private record Soon(Outbox outbox, List<?> ids) {

	}

}
