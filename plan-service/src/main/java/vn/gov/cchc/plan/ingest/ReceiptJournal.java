package vn.gov.cchc.plan.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The store side of the receipts: {@value #COLLECTION}, an append-only journal written by
 * one thread with one insert per group of requests (group commit).
 *
 * <p>
 * Why: docs/ingestion.md, "The journal in the store (ReceiptJournal)".
 */
final class ReceiptJournal implements AutoCloseable {

	static final String COLLECTION = "progress_receipt_journal";

	private static final Logger logger = LoggerFactory.getLogger(ReceiptJournal.class);

	/** Claims per document at most (a single request may bring up to its own cap). */
	private static final int MAX_CLAIMS = 1000;

	/** Bytes of claims per document at most, well under MongoDB's 16 MiB. */
	private static final long MAX_BYTES = 6L * 1024 * 1024;

	private static final Duration ACK_LINGER = Duration.ofMillis(100);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final BlockingQueue<Append> appends = new LinkedBlockingQueue<>();

	/** Acknowledged event ids by the journal document of their claim. */
	private final Map<ObjectId, Set<String>> acks = new HashMap<>();

	/** Acknowledged receipts of the per-event collection of earlier versions. */
	private final Set<String> legacyAcks = new LinkedHashSet<>();

	private final Thread writer;

	private volatile boolean running = true;

	ReceiptJournal(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		this.writer = new Thread(this::run, "receipt-journal");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Writes the claims, together with whatever other claims are waiting.
	 * @return completes with the id of the document that holds them once it is written,
	 * or exceptionally if the write failed
	 */
	CompletableFuture<ObjectId> append(List<Document> claims) {
		Append append = new Append(claims, new CompletableFuture<>());
		if (!this.running) {
			append.written().completeExceptionally(new IllegalStateException("The receipt journal is closed"));
			return append.written();
		}
		this.appends.add(append);
		return append.written();
	}

	/**
	 * Notes that the broker acknowledged the event of a claim, to be written later.
	 * @param journalId the document of the claim; {@code null} for a receipt of the
	 * per-event collection of earlier versions
	 */
	void acknowledge(@Nullable ObjectId journalId, Collection<String> eventIds) {
		synchronized (this.acks) {
			if (journalId == null) {
				this.legacyAcks.addAll(eventIds);
			}
			else {
				this.acks.computeIfAbsent(journalId, (id) -> new LinkedHashSet<>()).addAll(eventIds);
			}
		}
	}

	private void run() {
		while (this.running) {
			try {
				Append first = this.appends.poll(ACK_LINGER.toMillis(), TimeUnit.MILLISECONDS);
				if (first != null) {
					write(group(first));
				}
				writeAcks();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Receipt journal: {}", ex.getMessage());
				pause();
			}
		}
	}

	private List<Append> group(Append first) {
		List<Append> group = new ArrayList<>();
		group.add(first);
		int claims = first.claims().size();
		long bytes = bytes(first);
		Append next;
		while (claims < MAX_CLAIMS && bytes < MAX_BYTES && (next = this.appends.peek()) != null
				&& claims + next.claims().size() <= 2 * MAX_CLAIMS) {
			group.add(this.appends.poll());
			claims += next.claims().size();
			bytes += bytes(next);
		}
		return group;
	}

	private void write(List<Append> group) {
		ObjectId id = new ObjectId();
		List<Document> claims = new ArrayList<>();
		group.forEach((append) -> claims.addAll(append.claims()));
		try {
			this.mongo.insert(new Document("_id", id).append("writtenAt", Date.from(this.clock.instant()))
				.append("claims", claims)
				.append("recorded", List.of()), COLLECTION);
		}
		catch (RuntimeException ex) {
			group.forEach((append) -> append.written().completeExceptionally(ex));
			return;
		}
		group.forEach((append) -> append.written().complete(id));
	}

	private void writeAcks() {
		Map<ObjectId, Set<String>> pending;
		Set<String> legacy;
		synchronized (this.acks) {
			if (this.acks.isEmpty() && this.legacyAcks.isEmpty()) {
				return;
			}
			pending = new HashMap<>(this.acks);
			legacy = new LinkedHashSet<>(this.legacyAcks);
			this.acks.clear();
			this.legacyAcks.clear();
		}
		try {
			for (Map.Entry<ObjectId, Set<String>> entry : pending.entrySet()) {
				this.mongo.updateFirst(query(where("_id").is(entry.getKey())),
						new Update().addToSet("recorded").each(entry.getValue().toArray()), COLLECTION);
			}
			if (!legacy.isEmpty()) {
				this.mongo.updateMulti(query(where("_id").in(legacy)),
						Update.update("status", ProgressReceipt.Status.RECORDED), ProgressReceipts.LEGACY_COLLECTION);
			}
		}
		catch (DataAccessException ex) {
			// Written again next time round: they are only marks.
			pending.forEach(this::acknowledge);
			acknowledge(null, legacy);
			throw ex;
		}
	}

	private static long bytes(Append append) {
		long bytes = 0;
		for (Document claim : append.claims()) {
			bytes += 400 + 3L * (length(claim.get("note")) + length(claim.get("reporter")));
		}
		return bytes;
	}

	private static int length(@Nullable Object text) {
		return (text instanceof String string) ? string.length() : 0;
	}

	private void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Writes what is waiting, then stops. */
	@Override
	public void close() {
		this.running = false;
		try {
			this.writer.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Append left;
		while ((left = this.appends.poll()) != null) {
			left.written().completeExceptionally(new IllegalStateException("The receipt journal is closed"));
		}
		try {
			writeAcks();
		}
		catch (RuntimeException ex) {
			logger.warn("Receipt journal: acknowledgements not written at shutdown: {}", ex.getMessage());
		}
	}

	private record Append(List<Document> claims, CompletableFuture<ObjectId> written) {

	}

}
