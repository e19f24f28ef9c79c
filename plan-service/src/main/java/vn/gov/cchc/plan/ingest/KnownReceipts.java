package vn.gov.cchc.plan.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The receipts one request has seen. A single report asks the store for each id as it
 * goes; a batch fetches the receipts of all its ids with one query first, and then learns
 * of the claims it makes itself. What was fetched may be overtaken by a concurrent
 * request: the claims and the retraction mark are conditional writes, so a stale view
 * costs a refusal or a second look, never a second event.
 */
final class KnownReceipts {

	private final ProgressReceipts store;

	private final Map<String, ProgressReceipt> seen = new HashMap<>();

	private final Set<String> absent = new HashSet<>();

	KnownReceipts(ProgressReceipts store) {
		this.store = store;
	}

	/** Fetches the receipts of the given ids in one query. */
	KnownReceipts prefetch(Collection<String> eventIds) {
		Map<String, ProgressReceipt> found = this.store.findAll(eventIds);
		this.seen.putAll(found);
		eventIds.stream().filter((id) -> !found.containsKey(id)).forEach(this.absent::add);
		return this;
	}

	Optional<ProgressReceipt> find(String eventId) {
		ProgressReceipt known = this.seen.get(eventId);
		if (known != null) {
			return Optional.of(known);
		}
		if (this.absent.contains(eventId)) {
			return Optional.empty();
		}
		Optional<ProgressReceipt> found = this.store.find(eventId);
		found.ifPresentOrElse(this::remember, () -> this.absent.add(eventId));
		return found;
	}

	/** Looks the receipt up in the store again, past what this request saw. */
	Optional<ProgressReceipt> refresh(String eventId) {
		this.seen.remove(eventId);
		this.absent.remove(eventId);
		return find(eventId);
	}

	void remember(ProgressReceipt receipt) {
		this.seen.put(receipt.eventId(), receipt);
		this.absent.remove(receipt.eventId());
	}

}
