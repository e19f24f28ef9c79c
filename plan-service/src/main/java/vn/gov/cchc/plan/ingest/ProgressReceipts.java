package vn.gov.cchc.plan.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Receipts of accepted {@code eventId}s: claimed in memory, written to the
 * {@link ReceiptJournal} before anything is published, marked recorded once the broker
 * acknowledged. Why, and what a crash leaves: docs/ingestion.md, "Receipts".
 */
@Repository
class ProgressReceipts implements DisposableBean {

	/** Where earlier versions kept one receipt document per report. */
	static final String LEGACY_COLLECTION = "progress_receipts";

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final ReceiptJournalWriter journal;

	private final ReceiptIndex index;

	private final ReceiptIndexLoader loader;

	ProgressReceipts(MongoTemplate mongo, Clock clock) {
		this.journal = new ReceiptJournalWriter(mongo, clock, WAIT);
		this.index = new ReceiptIndex(WAIT, this.journal::acknowledge);
		this.loader = new ReceiptIndexLoader(mongo, this.index, WAIT);
		this.loader.start();
	}

	/**
	 * The receipt of an id, or the claim another request made of it and is still writing:
	 * deciding never waits for another request, so two requests that each wait for the
	 * other's claims cannot lock each other up. Publishing under a claim this request did
	 * not make waits for it first ({@link #awaitWritten}).
	 */
	Optional<ProgressReceipt> find(String eventId) {
		this.loader.awaitLoaded();
		return this.index.find(eventId);
	}

	/**
	 * Waits until the claim of an id is in the store, to publish its event again.
	 * @return {@code false} if the claim was given up since (its write failed, so its
	 * event was never published)
	 * @throws DataAccessResourceFailureException if the write takes too long
	 */
	boolean awaitWritten(String eventId) {
		return this.index.awaitWritten(eventId);
	}

	/** The receipts among the given ids, by id. */
	Map<String, ProgressReceipt> findAll(Collection<String> eventIds) {
		Map<String, ProgressReceipt> found = new HashMap<>();
		for (String eventId : eventIds) {
			find(eventId).ifPresent((receipt) -> found.put(eventId, receipt));
		}
		return found;
	}

	/**
	 * Claims an {@code eventId} for a report about to be published, in memory; it is not
	 * published before {@link #persist} wrote it.
	 * @return {@code false} if another request claimed it first
	 */
	boolean claim(ProgressReceipt pending) {
		this.loader.awaitLoaded();
		return this.index.claim(pending);
	}

	/**
	 * Writes the claims of a request with one insert (shared with other requests').
	 * @throws DataAccessResourceFailureException if the store did not take them; they are
	 * given up then, and nothing may be published
	 */
	void persist(List<ProgressReceipt> claims) {
		if (claims.isEmpty()) {
			return;
		}
		ObjectId written;
		try {
			written = this.journal.write(claims);
		}
		catch (DataAccessResourceFailureException ex) {
			claims.forEach(this::release);
			throw ex;
		}
		this.index.markWritten(claims, written);
	}

	void markRecorded(ProgressReceipt receipt) {
		markAllRecorded(List.of(receipt.eventId()));
	}

	/** Records in memory that the broker has these events, and in the journal later. */
	void markAllRecorded(Collection<String> eventIds) {
		this.index.markAllRecorded(eventIds);
	}

	/**
	 * Gives up a claim whose event was never published, so that it leaves no trace; a
	 * retraction's mark on the report it withdraws goes with it.
	 */
	void release(ProgressReceipt claim) {
		this.index.release(claim);
	}

	/**
	 * Records that a report is withdrawn, unless another retraction already withdrew it.
	 * A retry of the same retraction finds its own id there and succeeds again. The mark
	 * is kept by the retraction's own receipt in the journal.
	 * @return {@code false} if the report is withdrawn by another retraction
	 */
	boolean markRetracted(String eventId, String retractionEventId) {
		return this.index.markRetracted(eventId, retractionEventId);
	}

	/**
	 * Learns a receipt from a record on {@code cchc.progress}
	 * ({@link ProgressReceiptsFeed}): one another instance gave, which this one did not
	 * know, or one of its own claims whose event the broker has, though the
	 * acknowledgement was not seen here.
	 * @return whether the index learned something
	 */
	boolean learn(ProgressReceipt published) {
		return this.index.learn(published);
	}

	/** How many receipts the index holds. */
	int size() {
		return this.index.size();
	}

	@Override
	public void destroy() {
		this.journal.close();
	}

}
