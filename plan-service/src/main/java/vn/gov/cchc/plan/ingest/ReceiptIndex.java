package vn.gov.cchc.plan.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Every receipt in memory, by {@code eventId}, and whether each is in the store yet. An
 * id is claimed here first, so of two requests racing for it one wins at memory speed; a
 * claim is given up or marked recorded only for a report of the same body, never for
 * another that reuses its id. Receipts are kept compact, about 350 bytes with the codes
 * shared: a million take some 350 MB of heap.
 */
final class ReceiptIndex {

	private final Map<String, IndexedReceipt> entries = new ConcurrentHashMap<>();

	/** Unit, plan and activity codes, each held once however many receipts name it. */
	private final Map<String, String> codes = new ConcurrentHashMap<>();

	private final Duration wait;

	/** Where acknowledgements go to be written to the journal, unawaited. */
	private final BiConsumer<@Nullable ObjectId, Collection<String>> acknowledgements;

	ReceiptIndex(Duration wait, BiConsumer<@Nullable ObjectId, Collection<String>> acknowledgements) {
		this.wait = wait;
		this.acknowledgements = acknowledgements;
	}

	Optional<ProgressReceipt> find(String eventId) {
		IndexedReceipt entry = this.entries.get(eventId);
		return (entry != null) ? Optional.of(entry.receipt) : Optional.empty();
	}

	boolean awaitWritten(String eventId) {
		IndexedReceipt entry = this.entries.get(eventId);
		return entry != null && awaitDurable(entry);
	}

	boolean claim(ProgressReceipt pending) {
		return this.entries.putIfAbsent(pending.eventId(), new IndexedReceipt(pending)) == null;
	}

	/** Notes the journal document that holds the claims, letting their waiters go. */
	void markWritten(List<ProgressReceipt> claims, ObjectId written) {
		for (ProgressReceipt claim : claims) {
			IndexedReceipt entry = this.entries.get(claim.eventId());
			if (entry != null && !entry.durable.isDone()) {
				synchronized (entry) {
					entry.receipt = compact(entry.receipt);
				}
				entry.journalId = written;
				entry.durable.complete(true);
			}
		}
	}

	void markAllRecorded(Collection<String> eventIds) {
		Map<ObjectId, List<String>> byDocument = new HashMap<>();
		List<String> legacy = new ArrayList<>();
		for (String eventId : eventIds) {
			IndexedReceipt entry = this.entries.get(eventId);
			if (entry == null || entry.receipt.isRecorded()) {
				continue;
			}
			synchronized (entry) {
				entry.receipt = entry.receipt.recorded();
			}
			if (entry.journalId != null) {
				byDocument.computeIfAbsent(entry.journalId, (id) -> new ArrayList<>()).add(eventId);
			}
			else {
				legacy.add(eventId);
			}
		}
		byDocument.forEach(this.acknowledgements);
		if (!legacy.isEmpty()) {
			this.acknowledgements.accept(null, legacy);
		}
	}

	void release(ProgressReceipt claim) {
		IndexedReceipt entry = this.entries.get(claim.eventId());
		if (entry != null && !entry.durable.isDone() && entry.receipt.bodyHash().equals(claim.bodyHash())) {
			this.entries.remove(claim.eventId(), entry);
			entry.durable.complete(false);
		}
		if (claim.kind() == ValidProgress.Kind.RETRACTION && claim.refersTo() != null) {
			IndexedReceipt original = this.entries.get(claim.refersTo());
			if (original != null) {
				synchronized (original) {
					if (claim.eventId().equals(original.receipt.retractedBy())) {
						original.receipt = original.receipt.retractedBy(null);
					}
				}
			}
		}
	}

	boolean markRetracted(String eventId, String retractionEventId) {
		IndexedReceipt entry = this.entries.get(eventId);
		if (entry == null) {
			return false;
		}
		synchronized (entry) {
			String retractedBy = entry.receipt.retractedBy();
			if (retractedBy != null && !retractedBy.equals(retractionEventId)) {
				return false;
			}
			entry.receipt = entry.receipt.retractedBy(retractionEventId);
			return true;
		}
	}

	boolean learn(ProgressReceipt published) {
		IndexedReceipt entry = this.entries.get(published.eventId());
		if (entry == null) {
			if (this.entries.putIfAbsent(published.eventId(), new IndexedReceipt(compact(published), null)) != null) {
				return false;
			}
			if (published.kind() == ValidProgress.Kind.RETRACTION && published.refersTo() != null) {
				markRetracted(published.refersTo(), published.eventId());
			}
			return true;
		}
		if (!entry.receipt.isRecorded() && entry.durable.isDone() && entry.durable.join()
				&& entry.receipt.bodyHash().equals(published.bodyHash())) {
			markAllRecorded(List.of(published.eventId()));
			return true;
		}
		return false;
	}

	int size() {
		return this.entries.size();
	}

	/** An entry for a receipt read from the store, compacted. */
	IndexedReceipt stored(ProgressReceipt receipt, @Nullable ObjectId journalId) {
		return new IndexedReceipt(compact(receipt), journalId);
	}

	/** Adds what was read from the store, under whatever was learned meanwhile. */
	void addAll(Map<String, IndexedReceipt> read) {
		read.forEach(this.entries::putIfAbsent);
	}

	private boolean awaitDurable(IndexedReceipt entry) {
		try {
			return entry.durable.get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataAccessResourceFailureException("Interrupted while waiting for a receipt", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DataAccessResourceFailureException("A receipt was not written in time", ex);
		}
	}

	/**
	 * The receipt as the index keeps it: without the texts nothing looks up, and with the
	 * unit, plan and activity codes that thousands of receipts share held once.
	 */
	private ProgressReceipt compact(ProgressReceipt receipt) {
		return new ProgressReceipt(receipt.eventId(), receipt.bodyHash(), receipt.recordedAt(), receipt.status(),
				receipt.kind(), shared(receipt.unitCode()), shared(receipt.planId()), shared(receipt.activityId()),
				receipt.date(), receipt.refersTo(), null, null, receipt.retractedBy());
	}

	private @Nullable String shared(@Nullable String code) {
		return (code != null) ? this.codes.computeIfAbsent(code, Function.identity()) : null;
	}

}
