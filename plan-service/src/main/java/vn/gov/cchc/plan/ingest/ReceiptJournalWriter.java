package vn.gov.cchc.plan.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes receipts to the {@link ReceiptJournal} for the requests that claimed them: a
 * request's claims go into the next group insert and the request waits for it, at most a
 * bounded time; acknowledgements are handed over and written later, unawaited.
 */
final class ReceiptJournalWriter implements AutoCloseable {

	private final MongoTemplate mongo;

	private final ReceiptJournal journal;

	private final Duration wait;

	ReceiptJournalWriter(MongoTemplate mongo, Clock clock, Duration wait) {
		this.mongo = mongo;
		this.journal = new ReceiptJournal(mongo, clock);
		this.wait = wait;
	}

	/**
	 * Writes the claims with one insert, shared with other requests' claims.
	 * @return the id of the journal document that holds them
	 * @throws DataAccessResourceFailureException if the store did not take them in time
	 */
	ObjectId write(List<ProgressReceipt> claims) {
		List<Document> documents = new ArrayList<>(claims.size());
		for (ProgressReceipt claim : claims) {
			Document document = new Document();
			this.mongo.getConverter().write(claim, document);
			document.remove("_class");
			documents.add(document);
		}
		try {
			return this.journal.append(documents).get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataAccessResourceFailureException("Interrupted while writing receipts", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new DataAccessResourceFailureException("The receipts were not written: " + cause.getMessage(), cause);
		}
	}

	/**
	 * Notes that the broker has the events of these claims, to be written later.
	 * @param journalId the document of the claims; {@code null} for receipts of earlier
	 * versions
	 */
	void acknowledge(@Nullable ObjectId journalId, Collection<String> eventIds) {
		this.journal.acknowledge(journalId, eventIds);
	}

	/** Writes what is waiting, then stops. */
	@Override
	public void close() {
		this.journal.close();
	}

}
