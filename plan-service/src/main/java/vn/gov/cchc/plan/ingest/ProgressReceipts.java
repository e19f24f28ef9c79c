package vn.gov.cchc.plan.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Receipts of accepted {@code eventId}s: an index in memory of every receipt, and the
 * {@link ReceiptJournal} in the store, written once per group of requests rather than
 * once per report (the store takes about a thousand inserts a second; ingestion has to go
 * faster than that).
 *
 * <p>
 * A report's id is claimed in memory first ({@link #claim}): of two requests racing for
 * the same id, one wins, at memory speed. The claims a request made are then written to
 * the journal with one insert shared with whatever other requests claimed meanwhile
 * ({@link #persist}), and only then is anything published: a claim the broker may have is
 * always in the store. A request that meets a claim not yet written waits for its write,
 * so nobody publishes an event under a claim that could still vanish. Once the broker
 * acknowledged an event, its receipt is recorded in memory at once and in the journal
 * later, unawaited.
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
 * At start-up the index is read from the journal and from {@value #LEGACY_COLLECTION},
 * where earlier versions kept one receipt per report; until then every request waits.
 * Receipts another instance gives later are learned from the records on
 * {@code cchc.progress} ({@link ProgressReceiptsFeed}), a moment after that instance
 * published them; two instances racing for one id within that moment can both accept (see
 * the package documentation). The index holds every receipt, about 350 bytes each (the
 * codes shared): a million receipts take some 350 MB of heap.
 */
@Repository
class ProgressReceipts implements DisposableBean {

	/** Where earlier versions kept one receipt document per report. */
	static final String LEGACY_COLLECTION = "progress_receipts";

	private static final Logger logger = LoggerFactory.getLogger(ProgressReceipts.class);

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final MongoTemplate mongo;

	private final ReceiptJournal journal;

	private final Map<String, Entry> index = new ConcurrentHashMap<>();

	private final CompletableFuture<Void> loaded = new CompletableFuture<>();

	/** Unit, plan and activity codes, each held once however many receipts name it. */
	private final Map<String, String> codes = new ConcurrentHashMap<>();

	ProgressReceipts(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.journal = new ReceiptJournal(mongo, clock);
		Thread loader = new Thread(this::load, "receipt-index-load");
		loader.setDaemon(true);
		loader.start();
	}

	/**
	 * The receipt of an id, or the claim another request made of it and is still writing:
	 * deciding never waits for another request, so two requests that each wait for the
	 * other's claims cannot lock each other up. Publishing under a claim this request did
	 * not make waits for it first ({@link #awaitWritten}).
	 */
	Optional<ProgressReceipt> find(String eventId) {
		awaitLoaded();
		Entry entry = this.index.get(eventId);
		return (entry != null) ? Optional.of(entry.receipt) : Optional.empty();
	}

	/**
	 * Waits until the claim of an id is in the store, to publish its event again.
	 * @return {@code false} if the claim was given up since (its write failed, so its
	 * event was never published)
	 * @throws DataAccessResourceFailureException if the write takes too long
	 */
	boolean awaitWritten(String eventId) {
		Entry entry = this.index.get(eventId);
		return entry != null && awaitDurable(entry);
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
		awaitLoaded();
		return this.index.putIfAbsent(pending.eventId(), new Entry(pending)) == null;
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
		List<Document> documents = new ArrayList<>(claims.size());
		for (ProgressReceipt claim : claims) {
			Document document = new Document();
			this.mongo.getConverter().write(claim, document);
			document.remove("_class");
			documents.add(document);
		}
		ObjectId written;
		try {
			written = this.journal.append(documents).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			giveUp(claims);
			throw new DataAccessResourceFailureException("Interrupted while writing receipts", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			giveUp(claims);
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new DataAccessResourceFailureException("The receipts were not written: " + cause.getMessage(), cause);
		}
		for (ProgressReceipt claim : claims) {
			Entry entry = this.index.get(claim.eventId());
			if (entry != null && !entry.durable.isDone()) {
				synchronized (entry) {
					entry.receipt = compact(entry.receipt);
				}
				entry.journalId = written;
				entry.durable.complete(true);
			}
		}
	}

	void markRecorded(ProgressReceipt receipt) {
		markAllRecorded(List.of(receipt.eventId()));
	}

	/** Records in memory that the broker has these events, and in the journal later. */
	void markAllRecorded(Collection<String> eventIds) {
		Map<ObjectId, List<String>> byDocument = new HashMap<>();
		List<String> legacy = new ArrayList<>();
		for (String eventId : eventIds) {
			Entry entry = this.index.get(eventId);
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
		byDocument.forEach(this.journal::acknowledge);
		if (!legacy.isEmpty()) {
			this.journal.acknowledge(null, legacy);
		}
	}

	/**
	 * Gives up a claim whose event was never published, so that it leaves no trace; a
	 * retraction's mark on the report it withdraws goes with it.
	 */
	void release(ProgressReceipt claim) {
		Entry entry = this.index.get(claim.eventId());
		if (entry != null && !entry.durable.isDone() && entry.receipt.bodyHash().equals(claim.bodyHash())) {
			this.index.remove(claim.eventId(), entry);
			entry.durable.complete(false);
		}
		if (claim.kind() == ValidProgress.Kind.RETRACTION && claim.refersTo() != null) {
			Entry original = this.index.get(claim.refersTo());
			if (original != null) {
				synchronized (original) {
					if (claim.eventId().equals(original.receipt.retractedBy())) {
						original.receipt = original.receipt.retractedBy(null);
					}
				}
			}
		}
	}

	/**
	 * Records that a report is withdrawn, unless another retraction already withdrew it.
	 * A retry of the same retraction finds its own id there and succeeds again. The mark
	 * is kept by the retraction's own receipt in the journal.
	 * @return {@code false} if the report is withdrawn by another retraction
	 */
	boolean markRetracted(String eventId, String retractionEventId) {
		Entry entry = this.index.get(eventId);
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

	/**
	 * Learns a receipt from a record on {@code cchc.progress}
	 * ({@link ProgressReceiptsFeed}): one another instance gave, which this one did not
	 * know, or one of its own claims whose event the broker has, though the
	 * acknowledgement was not seen here.
	 * @return whether the index learned something
	 */
	boolean learn(ProgressReceipt published) {
		Entry entry = this.index.get(published.eventId());
		if (entry == null) {
			if (this.index.putIfAbsent(published.eventId(), new Entry(compact(published), null)) != null) {
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

	/** How many receipts the index holds. */
	int size() {
		return this.index.size();
	}

	private void giveUp(List<ProgressReceipt> claims) {
		claims.forEach(this::release);
	}

	private boolean awaitDurable(Entry entry) {
		try {
			return entry.durable.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataAccessResourceFailureException("Interrupted while waiting for a receipt", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DataAccessResourceFailureException("A receipt was not written in time", ex);
		}
	}

	private void awaitLoaded() {
		try {
			this.loaded.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
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
	 * Reads every receipt into the index, retrying while the store is away: receipts of
	 * earlier versions first, then the journal in the order it was written (of two claims
	 * of one id, which only two instances racing can make, the first written stands),
	 * then the acknowledgements and the retractions' marks.
	 */
	private void load() {
		long started = System.nanoTime();
		while (!this.loaded.isDone()) {
			try {
				Map<String, Entry> read = new HashMap<>();
				try (Stream<ProgressReceipt> legacy = this.mongo.stream(new Query(), ProgressReceipt.class,
						LEGACY_COLLECTION)) {
					legacy.forEach((receipt) -> read.put(receipt.eventId(), new Entry(compact(receipt), null)));
				}
				// One document at a time, oldest first: the index, not the journal, is
				// what
				// has to fit in memory. A claim's acknowledgement is always added to the
				// document that holds the claim.
				try (Stream<Document> journal = this.mongo.stream(new Query().with(Sort.by(Sort.Direction.ASC, "_id")),
						Document.class, ReceiptJournal.COLLECTION)) {
					journal.forEach((written) -> {
						ObjectId id = written.getObjectId("_id");
						for (Document claim : written.getList("claims", Document.class, List.of())) {
							ProgressReceipt receipt = compact(
									this.mongo.getConverter().read(ProgressReceipt.class, claim));
							read.putIfAbsent(receipt.eventId(), new Entry(receipt, id));
						}
						for (String eventId : written.getList("recorded", String.class, List.of())) {
							Entry entry = read.get(eventId);
							if (entry != null && id.equals(entry.journalId)) {
								entry.receipt = entry.receipt.recorded();
							}
						}
					});
				}
				for (Entry entry : read.values()) {
					ProgressReceipt receipt = entry.receipt;
					if (receipt.kind() == ValidProgress.Kind.RETRACTION && receipt.refersTo() != null) {
						Entry original = read.get(receipt.refersTo());
						if (original != null && original.receipt.retractedBy() == null) {
							original.receipt = original.receipt.retractedBy(receipt.eventId());
						}
					}
				}
				read.forEach(this.index::putIfAbsent);
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

	@Override
	public void destroy() {
		this.journal.close();
	}

	/** A receipt in the index, and whether it is in the store yet. */
	private static final class Entry {

		private static final CompletableFuture<Boolean> WRITTEN = CompletableFuture.completedFuture(true);

		volatile ProgressReceipt receipt;

		/** Completes with true once written, with false if the claim was given up. */
		final CompletableFuture<Boolean> durable;

		/**
		 * The journal document holding it; {@code null} for a receipt of earlier
		 * versions.
		 */
		volatile @Nullable ObjectId journalId;

		/** A claim made here, not written yet. */
		Entry(ProgressReceipt claim) {
			this.receipt = claim;
			this.durable = new CompletableFuture<>();
		}

		/** A receipt read from the store. */
		Entry(ProgressReceipt stored, @Nullable ObjectId journalId) {
			this.receipt = stored;
			this.durable = WRITTEN;
			this.journalId = journalId;
		}

	}

}
