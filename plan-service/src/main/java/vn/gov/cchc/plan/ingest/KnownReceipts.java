package vn.gov.cchc.plan.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The receipts one request has seen. A single report asks the store for each id as it
 * goes; a batch fetches the receipts of all its ids with one query first, and then learns
 * of the claims it makes itself. What was fetched may be overtaken by a concurrent
 * request: the claims and the retraction mark are conditional writes, so a stale view
 * costs a refusal or a second look, never a second event.
 */
final class KnownReceipts {

	private final ProgressReceipts store;

	/** Each id asked about, with its receipt or none. */
	private final Map<String, Optional<ProgressReceipt>> read = new HashMap<>();

	KnownReceipts(ProgressReceipts store) {
		this.store = store;
	}

	/** Fetches the receipts of the given ids in one query. */
	KnownReceipts prefetch(Collection<String> eventIds) {
		Map<String, ProgressReceipt> found = this.store.findAll(eventIds);
		eventIds.forEach((id) -> this.read.put(id, Optional.ofNullable(found.get(id))));
		return this;
	}

	Optional<ProgressReceipt> find(String eventId) {
		return this.read.computeIfAbsent(eventId, this.store::find);
	}

	/** Looks the receipt up in the store again, past what this request saw. */
	Optional<ProgressReceipt> refresh(String eventId) {
		this.read.remove(eventId);
		return find(eventId);
	}

	void remember(ProgressReceipt receipt) {
		this.read.put(receipt.eventId(), Optional.of(receipt));
	}

}
