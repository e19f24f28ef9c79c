package vn.gov.cchc.plan.plan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.plan.cloudevent.CloudEventJson;
import vn.gov.cchc.plan.cloudevent.PoisonEventException;
import vn.gov.cchc.plan.cloudevent.PublishFailedException;

import org.springframework.context.SmartLifecycle;

/**
 * Publishes the plans' pending outbox entries to {@code cchc.plans}, so that a plan
 * change, written with its event in one update, reaches the topic exactly once.
 *
 * <p>
 * <b>One relay at a time.</b> Every instance of plan-service runs this, on one thread of
 * its own, every {@code poll-interval}; only the holder of the lease in
 * {@code plan_outbox_relay} publishes. The lease is taken and renewed by an atomic
 * findAndModify before every send, so a relay that lost it sends nothing more, and a
 * relay that crashed is replaced after at most {@code lease-duration}. A send is bounded
 * by {@code send-timeout}, at most half the lease, so a relay that lost its lease has
 * finished its last send before the next holder starts.
 *
 * <p>
 * <b>In order, at least once.</b> A plan's entries are sent oldest first, one at a time:
 * each send waits for the broker's acknowledgement ({@code acks=all}, idempotent
 * producer), then the entry is removed ({@code $pull} by event id) and the checkpoint
 * moves past the record. A failed send ends the round, so nothing later of that plan
 * overtakes it.
 *
 * <p>
 * <b>Not twice.</b> The process can die after the broker has a record and before its
 * entry is removed. So whenever a relay takes the lease (at start, after a failure, after
 * losing it), it first reconciles: it reads the topic from the checkpoint to its end,
 * collects the CloudEvent ids there, and removes the pending entries already on it
 * instead of sending them again. The checkpoint only moves past records whose entries
 * were removed, so the scan is bounded by it and still sees every record of a pending
 * entry. A record written by a send that failed is found the same way, since a failure
 * gives the lease up to the next reconciliation.
 *
 * <p>
 * An instance is driven by one thread at a time (its scheduler, or a test): two rounds of
 * the same instance at once would both hold its lease.
 */
class PlanOutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PlanOutboxRelay.class);

	/** Plans whose entries one round sends; the next round takes the rest. */
	static final int PLANS_PER_ROUND = 100;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private static final int METADATA_ATTEMPTS = 20;

	private static final Duration METADATA_PAUSE = Duration.ofMillis(100);

	private final PlanOutboxStore store;

	private final PlanEventsKafka kafka;

	private final CloudEventJson json;

	private final String topic;

	private final int partitions;

	private final Clock clock;

	private final PlanOutboxProperties.Relay settings;

	private final String holder;

	private final Counter published;

	private final Counter reconciled;

	// The fields below are used by the relay thread only (and by stop() once that thread
	// is done).
	private @Nullable KafkaProducer<String, byte[]> producer;

	private boolean holding;

	private boolean topicReady;

	private int failures;

	private Instant retryAfter = Instant.MIN;

	private volatile @Nullable ScheduledExecutorService executor;

	PlanOutboxRelay(PlanOutboxStore store, PlanEventsKafka kafka, CloudEventJson json, String topic, int partitions,
			Clock clock, PlanOutboxProperties.Relay settings, MeterRegistry meters, String holder) {
		this.store = store;
		this.kafka = kafka;
		this.json = json;
		this.topic = topic;
		this.partitions = partitions;
		this.clock = clock;
		this.settings = settings;
		this.holder = holder;
		this.published = Counter.builder("cchc.plans.outbox.published")
			.description("Plan events the outbox relay published to " + topic)
			.register(meters);
		this.reconciled = Counter.builder("cchc.plans.outbox.reconciled")
			.description("Pending plan events found already on " + topic + " and removed without sending again")
			.register(meters);
		// Counted when read, so that it is right on every instance, relaying or not.
		Gauge.builder("cchc.plans.outbox.pending", store, (outbox) -> outbox.pendingEventIds().size())
			.description("Plan events written and not yet known to be on " + topic)
			.strongReference(true)
			.register(meters);
	}

	/** An id telling instances apart in the lease: host, process and a random part. */
	static String newHolderId() {
		String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("plan-service");
		return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
	}

	String holder() {
		return this.holder;
	}

	/**
	 * One round: takes or renews the lease (reconciling when newly taken), and publishes
	 * what is pending.
	 * @return the number of events published
	 */
	int relayOnce() {
		if (!acquire()) {
			return 0;
		}
		int sent = 0;
		for (PlanOutboxStore.Pending entry : this.store.pending(PLANS_PER_ROUND)) {
			if (this.store.acquire(this.holder, this.clock.instant(),
					this.settings.leaseDuration()) != PlanOutboxStore.Lease.RENEWED) {
				// Lost, or lapsed and retaken: someone may have relayed in between.
				this.holding = false;
				break;
			}
			RecordMetadata record = send(entry);
			this.store.remove(entry.planId(), entry.eventId());
			this.store.advanceCheckpoint(this.topic, Map.of(record.partition(), record.offset() + 1));
			this.published.increment();
			sent++;
		}
		return sent;
	}

	/**
	 * Takes or renews the lease; when newly taken, reconciles before anything is sent.
	 * @return whether this relay holds the lease
	 */
	boolean acquire() {
		PlanOutboxStore.Lease lease = this.store.acquire(this.holder, this.clock.instant(),
				this.settings.leaseDuration());
		if (lease == PlanOutboxStore.Lease.REFUSED) {
			this.holding = false;
			return false;
		}
		if (!this.holding || lease == PlanOutboxStore.Lease.ACQUIRED) {
			this.holding = false;
			ensureTopic();
			reconcile();
			this.holding = true;
		}
		return true;
	}

	/**
	 * Sends one entry and waits for the broker's acknowledgement. A failure leaves the
	 * lease to be retaken, so that the next round reconciles first: the record may have
	 * been written.
	 */
	RecordMetadata send(PlanOutboxStore.Pending entry) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, null, entry.planId(),
				entry.event().getBytes(StandardCharsets.UTF_8), List.of(new RecordHeader("content-type",
						CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
		try {
			return producer().send(record)
				.get(this.kafka.maxSendDuration().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failed(entry, ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw failed(entry, ex);
		}
	}

	private PublishFailedException failed(PlanOutboxStore.Pending entry, Exception cause) {
		this.holding = false;
		closeProducer();
		return new PublishFailedException(
				"Plan event " + entry.eventId() + " of " + entry.planId() + " was not acknowledged on " + this.topic,
				cause);
	}

	/**
	 * Removes the pending entries whose events are on the topic already, reading it from
	 * the checkpoint to its current end, then moves the checkpoint to that end. Nothing
	 * can be sent meanwhile: only the lease holder sends, and this is it.
	 */
	void reconcile() {
		Map<String, String> pendingIds = this.store.pendingEventIds();
		try (KafkaConsumer<byte[], byte[]> consumer = this.kafka.consumer(this.holder + "-reconcile")) {
			List<TopicPartition> topicPartitions = partitionsOf(consumer);
			Map<TopicPartition, Long> ends = consumer.endOffsets(topicPartitions);
			if (!pendingIds.isEmpty()) {
				Set<String> found = scan(consumer, topicPartitions, ends, pendingIds.keySet());
				for (String eventId : found) {
					this.store.remove(pendingIds.get(eventId), eventId);
					this.reconciled.increment();
				}
				if (!found.isEmpty()) {
					logger.info("Outbox reconciliation found {} of {} pending plan events already on {}", found.size(),
							pendingIds.size(), this.topic);
				}
			}
			Map<Integer, Long> checkpoint = new HashMap<>();
			ends.forEach((partition, end) -> checkpoint.put(partition.partition(), end));
			this.store.advanceCheckpoint(this.topic, checkpoint);
		}
	}

	private Set<String> scan(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> topicPartitions,
			Map<TopicPartition, Long> ends, Set<String> wanted) {
		Map<Integer, Long> checkpoint = this.store.checkpoint(this.topic);
		Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(topicPartitions);
		consumer.assign(topicPartitions);
		for (TopicPartition partition : topicPartitions) {
			consumer.seek(partition,
					Math.max(checkpoint.getOrDefault(partition.partition(), 0L), beginnings.get(partition)));
		}
		Set<String> found = new HashSet<>();
		Instant lastRenewal = this.clock.instant();
		long lastProgress = System.nanoTime();
		while (!reachedEnds(consumer, ends)) {
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			for (ConsumerRecord<byte[], byte[]> record : records) {
				String eventId = eventId(record.value());
				if (eventId != null && wanted.contains(eventId)) {
					found.add(eventId);
				}
			}
			if (!records.isEmpty()) {
				lastProgress = System.nanoTime();
			}
			else if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(this.kafka.timeout()) > 0) {
				throw new IllegalStateException(
						"Reading " + this.topic + " for reconciliation made no progress for " + this.kafka.timeout());
			}
			// A long scan keeps the lease, so that nobody else starts sending meanwhile.
			Instant now = this.clock.instant();
			if (Duration.between(lastRenewal, now).compareTo(this.settings.leaseDuration().dividedBy(3)) > 0) {
				if (this.store.acquire(this.holder, now,
						this.settings.leaseDuration()) != PlanOutboxStore.Lease.RENEWED) {
					throw new IllegalStateException("Lost the outbox relay lease while reconciling");
				}
				lastRenewal = now;
			}
		}
		return found;
	}

	private static boolean reachedEnds(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private @Nullable String eventId(byte @Nullable [] value) {
		if (value == null) {
			return null;
		}
		try {
			return this.json.read(value).id();
		}
		catch (PoisonEventException ex) {
			// Not ours to judge here: it cannot be the record of a pending entry.
			return null;
		}
	}

	private List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer) {
		List<PartitionInfo> infos = consumer.partitionsFor(this.topic, this.kafka.timeout());
		// A topic just created may take a moment to show in the metadata.
		for (int attempt = 1; (infos == null || infos.isEmpty()) && attempt <= METADATA_ATTEMPTS; attempt++) {
			try {
				Thread.sleep(METADATA_PAUSE.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			infos = consumer.partitionsFor(this.topic, this.kafka.timeout());
		}
		if (infos == null || infos.isEmpty()) {
			throw new IllegalStateException("Topic " + this.topic + " has no partitions (yet)");
		}
		return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
	}

	/**
	 * Creates the topic if it does not exist, rather than letting the first send create
	 * it with the broker's defaults. Describing first means a broker that forbids
	 * creating topics is fine as long as the topic is there.
	 */
	private void ensureTopic() {
		if (this.topicReady) {
			return;
		}
		long timeout = this.kafka.timeout().toMillis();
		try (Admin admin = this.kafka.admin(this.holder + "-admin")) {
			try {
				admin.describeTopics(List.of(this.topic)).allTopicNames().get(timeout, TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
					throw ex;
				}
				try {
					admin
						.createTopics(List.of(new NewTopic(this.topic, Optional.of(this.partitions), Optional.empty())))
						.all()
						.get(timeout, TimeUnit.MILLISECONDS);
					logger.info("Created topic {} with {} partitions", this.topic, this.partitions);
				}
				catch (ExecutionException created) {
					if (!(created.getCause() instanceof TopicExistsException)) {
						throw created;
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checking topic " + this.topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not check or create topic " + this.topic, ex);
		}
		this.topicReady = true;
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

	/** A scheduled round: failures are logged and retried later, with a growing pause. */
	void tick() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.retryAfter)) {
			return;
		}
		try {
			relayOnce();
			this.failures = 0;
		}
		catch (RuntimeException ex) {
			this.holding = false;
			closeProducer();
			this.failures++;
			Duration pause = this.settings.pollInterval().multipliedBy(1L << Math.min(this.failures, 10));
			this.retryAfter = now.plus((pause.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : pause);
			logger.warn("Plan outbox relay round failed ({} in a row), retrying after {}: {}", this.failures,
					this.retryAfter, causes(ex));
			logger.debug("Plan outbox relay failure", ex);
		}
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
			Thread thread = new Thread(runnable, "plan-outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		scheduler.scheduleWithFixedDelay(this::tick, 0, this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		this.executor = scheduler;
		logger.info("Plan outbox relay {} started", this.holder);
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
			this.store.release(this.holder);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release the plan outbox relay lease: {}", ex.toString());
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

}
