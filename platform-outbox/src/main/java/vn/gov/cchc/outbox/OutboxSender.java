package vn.gov.cchc.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.CloudEvent;

/**
 * Sends a round of the {@link OutboxRelay} in waves through its one idempotent producer,
 * renewing the lease before every wave, then clears what the broker acknowledged and
 * moves the checkpoints past it.
 *
 * <p>
 * Used by the relay's thread only (and by {@link OutboxRelay#stop()} once that thread is
 * done), like the relay's own state.
 */
final class OutboxSender {

	// The relay's logger: these are the relay's messages, configured with it.
	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxStore store;

	private final OutboxKafka kafka;

	private final Clock clock;

	private final Duration leaseDuration;

	private final String holder;

	private final Map<Outbox, OutboxMeters> meters;

	private @Nullable KafkaProducer<String, byte[]> producer;

	OutboxSender(OutboxStore store, OutboxKafka kafka, Clock clock, Duration leaseDuration, String holder,
			Map<Outbox, OutboxMeters> meters) {
		this.store = store;
		this.kafka = kafka;
		this.clock = clock;
		this.leaseDuration = leaseDuration;
		this.holder = holder;
		this.meters = meters;
	}

	/**
	 * Sends the events wave after wave, each wave the oldest event left of every key. A
	 * wave is sent only while the lease is renewed, and a failed send ends the round.
	 * @return how many were published, and how the round ended
	 */
	Published publish(List<OutboxStore.Pending> pending) {
		Map<String, ArrayDeque<OutboxStore.Pending>> byKey = new LinkedHashMap<>();
		for (OutboxStore.Pending event : pending) {
			byKey.computeIfAbsent(event.outbox().topic() + '\u0000' + event.event().key(), (key) -> new ArrayDeque<>())
				.add(event);
		}
		int sent = 0;
		@Nullable Instant lastBusy = null;
		while (!byKey.isEmpty()) {
			if (this.store.acquire(this.holder, this.clock.instant(),
					this.leaseDuration) != OutboxStore.Lease.RENEWED) {
				// Lost, or lapsed and retaken: someone may have relayed in between.
				return new Published(sent, lastBusy, Ending.LEASE_LOST);
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
			lastBusy = this.clock.instant();
			if (!done.failed().isEmpty()) {
				failed(done.failed());
				return new Published(sent, lastBusy, Ending.FAILED);
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
		return new Published(sent, lastBusy, Ending.DONE);
	}

	/**
	 * Sends one event and waits for the broker's acknowledgement, without clearing it.
	 * @return the record, or {@code null} if it was not acknowledged (counted as a
	 * failure, the producer closed)
	 */
	@Nullable RecordMetadata send(OutboxStore.Pending event) {
		Wave done = send(List.of(event));
		if (!done.failed().isEmpty()) {
			failed(done.failed());
			return null;
		}
		return done.acknowledged().get(0).record();
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
	 * After a failed send: the record may have been written, so the producer starts
	 * afresh (and the relay gives its lease up to the next reconciliation).
	 */
	private void failed(List<OutboxStore.Pending> failed) {
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

	/** An exception and its causes, on one line. */
	static String causes(Throwable ex) {
		StringBuilder text = new StringBuilder(ex.toString());
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			text.append("; caused by ").append(cause);
		}
		return text.toString();
	}

	/** How a round of sends ended. */
	enum Ending {

		/** Every event was acknowledged. */
		DONE,

		/** The lease could not be renewed before a wave: the rest was not sent. */
		LEASE_LOST,

		/** A send was not acknowledged: the rest was not sent. */
		FAILED

	}

	/**
	 * @param sent how many events were published and cleared
	 * @param lastBusy when the last wave ended, {@code null} if none was sent
	 * @param ending why the round stopped
	 */
	record Published(int sent, @Nullable Instant lastBusy, Ending ending) {

	}

	private record Sending(OutboxStore.Pending pending, Future<RecordMetadata> acknowledgement) {

	}

	private record Sent(OutboxStore.Pending pending, RecordMetadata record) {

	}

	private record Wave(List<Sent> acknowledged, List<OutboxStore.Pending> failed) {

	}

}
