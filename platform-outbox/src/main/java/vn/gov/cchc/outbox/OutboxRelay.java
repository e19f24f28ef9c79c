package vn.gov.cchc.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events waiting in a service's {@link Outbox}es to their topics: one relay
 * at a time, holding a lease in {@value #LEASE_COLLECTION}; in order, at least once; and
 * not twice, by reconciling with the topics whenever it takes the lease. Why and how:
 * {@code docs/outbox.md}. An instance is driven by one thread at a time (its scheduler,
 * or a test): two rounds of the same instance at once would both hold its lease.
 */
public class OutboxRelay implements SmartLifecycle {

	/** The collection of the lease and the checkpoints. */
	public static final String LEASE_COLLECTION = OutboxStore.RELAY_COLLECTION;

	/** The lease's {@code _id} in {@link #LEASE_COLLECTION}. */
	public static final String LEASE_ID = OutboxStore.LEASE_ID;

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxStore store;

	private final OutboxKafka kafka;

	private final List<Outbox> outboxes;

	private final Clock clock;

	private final OutboxProperties.Relay settings;

	private final String holder;

	private final Map<Outbox, OutboxMeters> meters = new LinkedHashMap<>();

	private final OutboxSoon soon;

	private volatile boolean holding;

	// The fields below, and what they hold, are used by the relay thread only (and by
	// stop() once that thread is done).
	private final OutboxReconciler reconciler;

	private final OutboxSender sender;

	private final OutboxBackoff backoff;

	private Instant lastBusy = Instant.MIN;

	private boolean reconciled;

	private boolean roundFailed;

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
		this.clock = clock;
		this.settings = properties.relay();
		this.holder = holder;
		for (Outbox outbox : this.outboxes) {
			this.meters.put(outbox, OutboxMeters.register(outbox, this.store, registry));
		}
		this.reconciler = new OutboxReconciler(this.store,
				new OutboxTopics(this.kafka, properties.topicPartitions(), holder), this.outboxes, clock,
				this.settings.leaseDuration(), holder, this.meters);
		this.sender = new OutboxSender(this.store, this.kafka, clock, this.settings.leaseDuration(), holder,
				this.meters);
		this.soon = new OutboxSoon(this.outboxes);
		this.backoff = new OutboxBackoff(this.settings.pollInterval());
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
	 * Sends the events in waves ({@link OutboxSender}), and takes in how that ended.
	 * @return how many were published
	 */
	private int publish(List<OutboxStore.Pending> pending) {
		OutboxSender.Published published = this.sender.publish(pending);
		if (published.lastBusy() != null) {
			this.lastBusy = published.lastBusy();
		}
		if (published.ending() != OutboxSender.Ending.DONE) {
			// A failed send may have written its record: the lease goes to the next
			// reconciliation.
			this.holding = false;
		}
		this.roundFailed |= published.ending() == OutboxSender.Ending.FAILED;
		return published.sent();
	}

	/**
	 * Sends one event and waits for the broker's acknowledgement, without clearing it:
	 * the first half of a round, for tests that stop a relay in between.
	 */
	RecordMetadata send(OutboxStore.Pending event) {
		RecordMetadata record = this.sender.send(event);
		if (record == null) {
			this.roundFailed = true;
			this.holding = false;
			throw new IllegalStateException("Outbox event " + event.event().eventId() + " was not acknowledged");
		}
		return record;
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
			this.reconciler.reconcile();
			this.reconciled = true;
			this.holding = true;
		}
		return true;
	}

	/**
	 * Drops the producer: after a failure a fresh one starts clean, and a relay that
	 * stops leaves nothing open.
	 */
	void closeProducer() {
		this.sender.closeProducer();
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
		this.soon.wake(scheduler, this::tickSoon);
	}

	/** Remembers documents to send at the next {@link #tickSoon}. */
	void soon(Outbox outbox, Collection<?> ids) {
		this.soon.add(outbox, ids);
	}

	/** The documents asked for since the last time, sent unless the relay backs off. */
	void tickSoon() {
		Map<Outbox, Set<Object>> ids = this.soon.take();
		Instant now = this.clock.instant();
		if (ids.isEmpty() || this.backoff.pausing(now)) {
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
		if (this.backoff.pausing(now)) {
			return;
		}
		round(now, this::relayOnce);
	}

	private void round(Instant now, Runnable round) {
		try {
			round.run();
			if (!this.roundFailed) {
				this.backoff.succeeded();
				return;
			}
		}
		catch (RuntimeException ex) {
			this.holding = false;
			closeProducer();
			logger.warn("Outbox relay round failed: {}", OutboxSender.causes(ex));
			logger.debug("Outbox relay failure", ex);
		}
		this.backoff.failed(now);
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

}
