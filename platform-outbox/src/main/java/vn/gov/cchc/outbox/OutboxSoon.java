package vn.gov.cchc.outbox;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The documents a service asked the relay to send soon ({@link OutboxRelay#relaySoon}):
 * added by any thread, taken by the relay's thread, with at most one wake-up of that
 * thread waiting at a time, so that many writes in a burst cost one extra round.
 */
final class OutboxSoon {

	private final List<Outbox> outboxes;

	private final AtomicBoolean wakeUp = new AtomicBoolean();

	private final Queue<Soon> soon = new ConcurrentLinkedQueue<>();

	OutboxSoon(List<Outbox> outboxes) {
		this.outboxes = outboxes;
	}

	/** Remembers documents to send at the next {@link #take}. */
	void add(Outbox outbox, Collection<?> ids) {
		if (!ids.isEmpty() && this.outboxes.contains(outbox)) {
			this.soon.add(new Soon(outbox, List.copyOf(ids)));
		}
	}

	/** Has the relay's thread run {@code tick}, unless a wake-up is waiting already. */
	void wake(ScheduledExecutorService scheduler, Runnable tick) {
		if (this.wakeUp.compareAndSet(false, true)) {
			try {
				scheduler.execute(tick);
			}
			catch (RuntimeException ex) {
				// Shutting down: the events wait for the next holder.
				this.wakeUp.set(false);
			}
		}
	}

	/** The documents asked for since the last time, by outbox; on the relay's thread. */
	Map<Outbox, Set<Object>> take() {
		this.wakeUp.set(false);
		Map<Outbox, Set<Object>> ids = new LinkedHashMap<>();
		for (Soon next = this.soon.poll(); next != null; next = this.soon.poll()) {
			ids.computeIfAbsent(next.outbox(), (outbox) -> new LinkedHashSet<>()).addAll(next.ids());
		}
		return ids;
	}

	private record Soon(Outbox outbox, List<?> ids) {

	}

}
