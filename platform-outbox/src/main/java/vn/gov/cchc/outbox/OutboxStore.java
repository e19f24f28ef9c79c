package vn.gov.cchc.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the relay keeps in the store: the events waiting in the aggregates' documents, and
 * in {@value #RELAY_COLLECTION} the lease that lets one instance relay at a time and, per
 * topic, the checkpoint of the reconciliation.
 *
 * <pre>
 * { _id: "lease", holder, expiresAt, renewedAt }
 * { _id: "checkpoint:cchc.plans", offsets: { p0: 12, p1: 7, p2: 30 } }
 * </pre>
 *
 * The checkpoint holds, per partition, an offset below which no record is that of a
 * pending event: an event is cleared before the checkpoint moves past its record.
 */
class OutboxStore {

	static final String RELAY_COLLECTION = "outbox_relay";

	static final String LEASE_ID = "lease";

	private final MongoDatabase database;

	private final MongoCollection<Document> relay;

	private final Set<Outbox> indexed = ConcurrentHashMap.newKeySet();

	OutboxStore(MongoDatabase database) {
		this.database = database;
		this.relay = database.getCollection(RELAY_COLLECTION);
	}

	/**
	 * An event waiting in a document.
	 *
	 * @param outbox where it waits
	 * @param aggregateId the document's id
	 * @param event the event
	 */
	record Pending(Outbox outbox, Object aggregateId, OutboxEvent event) {

		Ref ref() {
			return new Ref(this.outbox, this.aggregateId, this.event.eventId());
		}

	}

	/**
	 * Where an event waits, to clear it.
	 *
	 * @param outbox the outbox
	 * @param aggregateId the document's id
	 * @param eventId the event's id
	 */
	record Ref(Outbox outbox, Object aggregateId, String eventId) {

	}

	/** Outcome of asking for the lease. */
	enum Lease {

		/** Held by the caller before and still: nothing happened in between. */
		RENEWED,

		/** Newly held: free, expired, or held by someone else before. */
		ACQUIRED,

		/** Someone else holds it. */
		REFUSED

	}

	/**
	 * The events waiting in up to {@code maxDocuments} documents of the outbox, the
	 * documents by id and each one's events in the order they were written.
	 */
	List<Pending> pending(Outbox outbox, int maxDocuments) {
		indexPending(outbox);
		return pending(outbox, outbox.withPending(), maxDocuments);
	}

	/**
	 * The events waiting in the documents with these ids, as
	 * {@link #pending(Outbox, int)} orders them: through the id index, without looking at
	 * the other documents.
	 */
	List<Pending> pending(Outbox outbox, Collection<?> ids) {
		return pending(outbox, Filters.and(Filters.in("_id", ids), outbox.withPending()), ids.size());
	}

	private List<Pending> pending(Outbox outbox, Bson filter, int maxDocuments) {
		List<Pending> pending = new ArrayList<>();
		for (Document document : collection(outbox).find(filter)
			.projection(Projections.include(outbox.field()))
			.sort(Sorts.ascending("_id"))
			.limit(maxDocuments)) {
			Object id = document.get("_id");
			for (Document event : document.getList(outbox.field(), Document.class, List.of())) {
				pending.add(new Pending(outbox, id, OutboxEvent.from(event, id)));
			}
		}
		return pending;
	}

	/**
	 * A sparse index of the waiting events' ids, so that finding and counting what waits
	 * reads only the documents that hold something, not the whole collection; made once,
	 * by the first scan that needs it.
	 */
	void indexPending(Outbox outbox) {
		if (!this.indexed.contains(outbox)) {
			collection(outbox).createIndex(Indexes.ascending(outbox.field() + ".eventId"),
					new IndexOptions().sparse(true).name(outbox.field() + "_pending"));
			this.indexed.add(outbox);
		}
	}

	/** Every event id waiting in the outbox, with its document's id. */
	Map<String, Object> pendingEventIds(Outbox outbox) {
		indexPending(outbox);
		Map<String, Object> ids = new LinkedHashMap<>();
		for (Document document : collection(outbox).find(outbox.withPending())
			.projection(Projections.include(outbox.field() + ".eventId"))) {
			for (Document event : document.getList(outbox.field(), Document.class, List.of())) {
				ids.put(event.getString("eventId"), document.get("_id"));
			}
		}
		return ids;
	}

	/** Clears sent events from their documents, one bulk write per collection. */
	void clear(List<Ref> sent) {
		Map<Outbox, List<UpdateOneModel<Document>>> byOutbox = new LinkedHashMap<>();
		for (Ref event : sent) {
			byOutbox.computeIfAbsent(event.outbox(), (outbox) -> new ArrayList<>())
				.add(new UpdateOneModel<>(Filters.eq("_id", event.aggregateId()),
						event.outbox().clear(event.eventId())));
		}
		byOutbox
			.forEach((outbox, updates) -> collection(outbox).bulkWrite(updates, new BulkWriteOptions().ordered(false)));
	}

	/** Counts a send the broker did not acknowledge on the event itself. */
	void countAttempt(Pending pending) {
		String field = pending.outbox().field();
		collection(pending.outbox()).updateOne(
				Filters.and(Filters.eq("_id", pending.aggregateId()),
						Filters.eq(field + ".eventId", pending.event().eventId())),
				Updates.inc(field + ".$.attempts", 1));
	}

	/** The checkpoint of the topic, by partition; empty when there is none yet. */
	Map<Integer, Long> checkpoint(String topic) {
		Document checkpoint = this.relay.find(Filters.eq("_id", checkpointId(topic))).first();
		Map<Integer, Long> offsets = new TreeMap<>();
		if (checkpoint != null && checkpoint.get("offsets") instanceof Document stored) {
			stored
				.forEach((key, value) -> offsets.put(Integer.valueOf(key.substring(1)), ((Number) value).longValue()));
		}
		return offsets;
	}

	/** Moves the checkpoint forward to the given offsets; never back. */
	void advanceCheckpoint(String topic, Map<Integer, Long> offsets) {
		if (offsets.isEmpty()) {
			return;
		}
		this.relay.updateOne(Filters.eq("_id", checkpointId(topic)),
				Updates.combine(offsets.entrySet()
					.stream()
					.map((offset) -> Updates.max("offsets.p" + offset.getKey(), offset.getValue()))
					.toList()),
				new UpdateOptions().upsert(true));
	}

	/**
	 * Takes or renews the lease for {@code duration} from {@code now}: one atomic
	 * findAndModify that matches only if the caller holds it or it has expired, and
	 * otherwise tries to insert it, which fails while another holder has it.
	 */
	Lease acquire(String holder, Instant now, Duration duration) {
		Document before;
		try {
			before = this.relay.findOneAndUpdate(
					Filters.and(Filters.eq("_id", LEASE_ID),
							Filters.or(Filters.eq("holder", holder), Filters.lt("expiresAt", Date.from(now)))),
					Updates.combine(Updates.set("holder", holder),
							Updates.set("expiresAt", Date.from(now.plus(duration))),
							Updates.set("renewedAt", Date.from(now))),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
		}
		catch (MongoCommandException | MongoWriteException ex) {
			if (isDuplicateKey(ex)) {
				return Lease.REFUSED;
			}
			throw ex;
		}
		if (before != null && holder.equals(before.getString("holder"))
				&& before.getDate("expiresAt").toInstant().isAfter(now)) {
			return Lease.RENEWED;
		}
		return Lease.ACQUIRED;
	}

	/**
	 * Gives the lease up, if the caller holds it, so another instance need not wait; its
	 * last word counts as its last renewal.
	 */
	void release(String holder, Instant now) {
		this.relay.updateOne(Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("holder", holder)),
				Updates.combine(Updates.set("expiresAt", new Date(0)), Updates.set("renewedAt", Date.from(now))));
	}

	/** The lease as stored, for operators and tests. */
	Document lease() {
		Document lease = this.relay.find(Filters.eq("_id", LEASE_ID)).first();
		return (lease != null) ? lease : new Document();
	}

	private MongoCollection<Document> collection(Outbox outbox) {
		return this.database.getCollection(outbox.collection());
	}

	private static boolean isDuplicateKey(RuntimeException ex) {
		if (ex instanceof MongoWriteException write) {
			return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
		}
		return ex instanceof MongoCommandException command
				&& ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
	}

	private static String checkpointId(String topic) {
		return "checkpoint:" + topic;
	}

}
