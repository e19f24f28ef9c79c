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
 * Receipts of accepted {@code eventId}s: an index in memory of every receipt
 * ({@link ReceiptIndex}, read back at start-up by {@link ReceiptIndexLoader}), and the
 * {@link ReceiptJournal} in the store, written once per group of requests rather than
 * once per report (the store takes about a thousand inserts a second; ingestion has to go
 * faster than that).
 *
 * <p>
 * A report's id is claimed in memory first ({@link #claim}). The claims a request made
 * are then written to the journal with one insert shared with whatever other requests
 * claimed meanwhile ({@link #persist}), and only then is anything published: a claim the
 * broker may have is always in the store. A request that meets a claim not yet written
 * waits for its write, so nobody publishes an event under a claim that could still
 * vanish. Once the broker acknowledged an event, its receipt is recorded in memory at
 * once and in the journal later, unawaited.
 *
 * <p>
 * What a crash leaves: a claim whose write failed was never published (its request was
 * answered 503 and it is forgotten). A claim written but not acknowledged, or whose
 * acknowledgement was not written yet, is read back pending: a retry of the same report
 * publishes the same event again (same id, same {@code recordedAt}), which report-service
 * absorbs, and another report under that id gets 409 since the first may be on the
 * broker, exactly as for a pending receipt before. Nothing the service answered 202 for
 * can be lost: the claim was in the store before the event was published.
 *
 * <p>
 * Receipts another instance gives are learned from the records on {@code cchc.progress}
 * ({@link ProgressReceiptsFeed}), a moment after that instance published them; two
 * instances racing for one id within that moment can both accept (see the package
 * documentation).
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
