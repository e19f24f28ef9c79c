package vn.gov.cchc.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Records the messages that went out in bulk writes, the reminders first, then the
 * deliveries with their events, which the outbox relay then publishes.
 */
class SentRecorder {

	/** The most messages recorded in one bulk write. */
	private static final int RECORD_BATCH = 500;

	/** The longest a message that went out waits to be recorded with others. */
	private static final Duration RECORD_WAIT = Duration.ofMillis(500);

	private final Reminders reminders;

	private final Deliveries deliveries;

	private final ReminderMetrics metrics;

	private final Clock clock;

	private final Consumer<Collection<String>> recorded;

	SentRecorder(Reminders reminders, Deliveries deliveries, ReminderMetrics metrics, Clock clock,
			Consumer<Collection<String>> recorded) {
		this.reminders = reminders;
		this.deliveries = deliveries;
		this.metrics = metrics;
		this.clock = clock;
		this.recorded = recorded;
	}

	/** The message as it went out, with the event that announces it. */
	Deliveries.SentRecord sent(Delivery delivery, String reference, List<Delivery.Attempt> attempts) {
		Instant at = this.clock.instant();
		int calls = (int) attempts.stream().filter((attempt) -> !attempt.outcome().equals("found")).count();
		return new Deliveries.SentRecord(delivery, reference, attempts, at,
				ReminderEvents.sent(delivery, reference, calls, at));
	}

	void record(List<Deliveries.SentRecord> sent) {
		Map<String, String> deliveryOf = new HashMap<>();
		sent.forEach((record) -> record.delivery()
			.items()
			.forEach((item) -> deliveryOf.put(item.reminderId(), record.delivery().id())));
		// The reminders first: a process that dies between the two writes leaves the
		// deliveries unfinished, to be found at the provider and recorded again after
		// their lease. The other order would leave their reminders claimed for good.
		this.reminders.markSentAll(deliveryOf, this.clock.instant());
		this.deliveries.markSentAll(sent);
		sent.forEach(
				(record) -> this.metrics.sent(record.delivery().channel(), record.delivery().fallbackFor() != null));
		this.recorded.accept(sent.stream().map((record) -> record.delivery().id()).toList());
	}

	/** Gathers what goes out on this queue into bulk writes. */
	Batch batch(BlockingQueue<Deliveries.SentRecord> wentOut) {
		return new Batch(wentOut);
	}

	/** The messages of one run that went out and wait to be recorded with others. */
	final class Batch {

		private final BlockingQueue<Deliveries.SentRecord> wentOut;

		private List<Deliveries.SentRecord> batch = new ArrayList<>();

		private long firstAt;

		private Batch(BlockingQueue<Deliveries.SentRecord> wentOut) {
			this.wentOut = wentOut;
		}

		/**
		 * Waits a moment for messages that went out and records them once enough have
		 * gathered, or have waited long enough.
		 * @param idle whether no message was still being sent
		 * @param last whether no round follows
		 * @return whether every message was sent and recorded
		 */
		boolean recordWhatWentOut(boolean idle, boolean last) {
			Deliveries.SentRecord next;
			try {
				next = this.wentOut.poll(20, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				// What went out and is not recorded is found at the provider after its
				// lease.
				Thread.currentThread().interrupt();
				return true;
			}
			if (next != null) {
				if (this.batch.isEmpty()) {
					this.firstAt = System.nanoTime();
				}
				this.batch.add(next);
				this.wentOut.drainTo(this.batch, RECORD_BATCH - this.batch.size());
			}
			boolean drained = idle && next == null && this.wentOut.isEmpty();
			if (!this.batch.isEmpty() && (drained || this.batch.size() >= RECORD_BATCH
					|| System.nanoTime() - this.firstAt >= RECORD_WAIT.toNanos())) {
				record(this.batch);
				this.batch = new ArrayList<>();
			}
			return drained && last;
		}

	}

}
