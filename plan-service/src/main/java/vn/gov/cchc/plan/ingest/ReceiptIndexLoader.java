package vn.gov.cchc.plan.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads every receipt into the {@link ReceiptIndex} at start-up, on a thread of its own,
 * from the {@link ReceiptJournal} and from {@value ProgressReceipts#LEGACY_COLLECTION},
 * where earlier versions kept one receipt per report. It retries while the store is away,
 * and until it is done every request waits.
 */
final class ReceiptIndexLoader {

	private static final Logger logger = LoggerFactory.getLogger(ReceiptIndexLoader.class);

	private final MongoTemplate mongo;

	private final ReceiptIndex index;

	private final Duration wait;

	private final CompletableFuture<Void> loaded = new CompletableFuture<>();

	ReceiptIndexLoader(MongoTemplate mongo, ReceiptIndex index, Duration wait) {
		this.mongo = mongo;
		this.index = index;
		this.wait = wait;
	}

	void start() {
		Thread loader = new Thread(this::load, "receipt-index-load");
		loader.setDaemon(true);
		loader.start();
	}

	/**
	 * Waits until the index is read.
	 * @throws DataAccessResourceFailureException if it takes too long
	 */
	void awaitLoaded() {
		try {
			this.loaded.get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataAccessResourceFailureException("Interrupted while the receipts load", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DataAccessResourceFailureException("The receipts are not loaded yet", ex);
		}
	}

	/**
	 * Receipts of earlier versions first, then the journal in the order it was written
	 * (of two claims of one id, which only two instances racing can make, the first
	 * written stands), then the acknowledgements and the retractions' marks.
	 */
	private void load() {
		long started = System.nanoTime();
		while (!this.loaded.isDone()) {
			try {
				Map<String, IndexedReceipt> read = new HashMap<>();
				try (Stream<ProgressReceipt> legacy = this.mongo.stream(new Query(), ProgressReceipt.class,
						ProgressReceipts.LEGACY_COLLECTION)) {
					legacy.forEach((receipt) -> read.put(receipt.eventId(), this.index.stored(receipt, null)));
				}
				// One document at a time, oldest first: the index, not the journal, is
				// what has to fit in memory. A claim's acknowledgement is always added to
				// the document that holds the claim.
				try (Stream<Document> journal = this.mongo.stream(new Query().with(Sort.by(Sort.Direction.ASC, "_id")),
						Document.class, ReceiptJournal.COLLECTION)) {
					journal.forEach((written) -> {
						ObjectId id = written.getObjectId("_id");
						for (Document claim : written.getList("claims", Document.class, List.of())) {
							ProgressReceipt receipt = this.mongo.getConverter().read(ProgressReceipt.class, claim);
							read.putIfAbsent(receipt.eventId(), this.index.stored(receipt, id));
						}
						for (String eventId : written.getList("recorded", String.class, List.of())) {
							IndexedReceipt entry = read.get(eventId);
							if (entry != null && id.equals(entry.journalId)) {
								entry.receipt = entry.receipt.recorded();
							}
						}
					});
				}
				for (IndexedReceipt entry : read.values()) {
					ProgressReceipt receipt = entry.receipt;
					if (receipt.kind() == ValidProgress.Kind.RETRACTION && receipt.refersTo() != null) {
						IndexedReceipt original = read.get(receipt.refersTo());
						if (original != null && original.receipt.retractedBy() == null) {
							original.receipt = original.receipt.retractedBy(receipt.eventId());
						}
					}
				}
				this.index.addAll(read);
				this.loaded.complete(null);
				logger.info("Read {} progress receipts in {} ms", read.size(),
						Duration.ofNanos(System.nanoTime() - started).toMillis());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not read the progress receipts yet: {}", ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					this.loaded.completeExceptionally(interrupted);
				}
			}
		}
	}

}
