package vn.gov.cchc.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a relay does when it takes the lease, before it sends anything: it makes sure its
 * topics exist, then clears the waiting events a relay before it sent without clearing
 * them, so that they are not sent twice.
 *
 * <p>
 * Used by the relay's thread only, like the relay's own state.
 */
final class OutboxReconciler {

	// The relay's logger: these are the relay's messages, configured with it.
	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxStore store;

	private final OutboxTopics topics;

	private final List<Outbox> outboxes;

	private final Clock clock;

	private final Duration leaseDuration;

	private final String holder;

	private final Map<Outbox, OutboxMeters> meters;

	private Instant leaseRenewedAt = Instant.MIN;

	OutboxReconciler(OutboxStore store, OutboxTopics topics, List<Outbox> outboxes, Clock clock, Duration leaseDuration,
			String holder, Map<Outbox, OutboxMeters> meters) {
		this.store = store;
		this.topics = topics;
		this.outboxes = outboxes;
		this.clock = clock;
		this.leaseDuration = leaseDuration;
		this.holder = holder;
		this.meters = meters;
	}

	/**
	 * Creates the topics that are missing, then clears the waiting events that are on
	 * their topic already, reading each topic from its checkpoint to its current end,
	 * then moves the checkpoint to that end. Nothing can be sent meanwhile: only the
	 * lease holder sends, and this is it.
	 */
	void reconcile() {
		topicNames().forEach(this.topics::ensure);
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

	private Set<String> topicNames() {
		Set<String> names = new LinkedHashSet<>();
		this.outboxes.forEach((outbox) -> names.add(outbox.topic()));
		return names;
	}

	/** A long read keeps the lease, so that nobody else starts sending meanwhile. */
	private void keepLeaseWhileReading() {
		Instant now = this.clock.instant();
		if (Duration.between(this.leaseRenewedAt, now).compareTo(this.leaseDuration.dividedBy(3)) > 0) {
			if (this.store.acquire(this.holder, now, this.leaseDuration) != OutboxStore.Lease.RENEWED) {
				throw new IllegalStateException("Lost the outbox relay lease while reconciling");
			}
			this.leaseRenewedAt = now;
		}
	}

}
