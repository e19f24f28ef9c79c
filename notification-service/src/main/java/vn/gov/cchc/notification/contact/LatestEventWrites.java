package vn.gov.cchc.notification.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one way a unit's state is written from a unit event, for each collection built from
 * them: a single conditional upsert, so that an older or repeated event cannot overwrite
 * a newer state even when two consumers race. Each document keeps the time and id of the
 * event it comes from ({@code occurredAt}, {@code lastEventId}).
 */
final class LatestEventWrites {

	/** The event id of a unit that is not stored: no event has it. */
	private static final String NONE = "";

	/** What a write did. */
	enum Outcome {

		APPLIED, STALE, DUPLICATE

	}

	private LatestEventWrites() {
	}

	/**
	 * Writes a batch of states with the same rules as {@link #save}, with one read and
	 * one bulk write for the whole batch: the stored states are read by id, the batch's
	 * events are judged against them in order (only a unit's latest state is written),
	 * and each write names the event it read, so a consumer that wrote in between makes
	 * it miss. What misses is written again one at a time by {@link #save}.
	 * @return each write's outcome, in the order of the writes
	 */
	static List<Outcome> saveAll(MongoTemplate mongo, Class<?> type, List<Write> writes) {
		if (writes.isEmpty()) {
			return List.of();
		}
		String collection = mongo.getCollectionName(type);
		Map<String, Version> current = new HashMap<>();
		Set<String> ids = new HashSet<>();
		writes.forEach((write) -> ids.add(write.id()));
		Query stored = Query.query(Criteria.where("_id").in(ids));
		stored.fields().include("occurredAt", "lastEventId");
		for (Document document : mongo.find(stored, Document.class, collection)) {
			current.put(document.getString("_id"),
					new Version(document.getDate("occurredAt").toInstant(), document.getString("lastEventId")));
		}
		Map<String, Version> read = new HashMap<>(current);
		List<Outcome> outcomes = new ArrayList<>();
		Map<String, Integer> latest = new LinkedHashMap<>();
		for (Write write : writes) {
			Version now = current.get(write.id());
			Outcome outcome = (now == null || now.olderThan(write)) ? Outcome.APPLIED
					: write.eventId().equals(now.eventId()) ? Outcome.DUPLICATE : Outcome.STALE;
			if (outcome == Outcome.APPLIED) {
				current.put(write.id(), new Version(write.occurredAt(), write.eventId()));
				latest.put(write.id(), outcomes.size());
			}
			outcomes.add(outcome);
		}
		if (latest.isEmpty()) {
			return outcomes;
		}
		List<Integer> sent = new ArrayList<>(latest.values());
		BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
		for (int index : sent) {
			Write write = writes.get(index);
			Version before = read.get(write.id());
			// Upserted when nothing is stored; a unit stored in between makes the insert
			// fail on its id, and a unit changed in between makes the filter miss it.
			bulk.upsert(Query.query(Criteria.where("_id")
				.is(write.id())
				.and("lastEventId")
				.is((before != null) ? before.eventId() : NONE)), write.update());
		}
		List<Integer> missed = new ArrayList<>();
		try {
			bulk.execute();
		}
		catch (BulkOperationException ex) {
			for (BulkWriteError error : ex.getErrors()) {
				missed.add(sent.get(error.getIndex()));
			}
		}
		for (int index : missed) {
			// Another consumer got to the unit first: its outcome is decided again
			// against what that consumer wrote.
			Write write = writes.get(index);
			outcomes.set(index, save(mongo, type, write.id(), write.occurredAt(), write.eventId(), write.update()));
		}
		return outcomes;
	}

	/**
	 * One state to write.
	 *
	 * @param id the document id
	 * @param occurredAt when its event happened
	 * @param eventId its event
	 * @param update the state, with {@code occurredAt} and {@code lastEventId}
	 */
	record Write(String id, Instant occurredAt, String eventId, Update update) {

	}

	/** The event a stored state comes from. */
	private record Version(Instant occurredAt, @Nullable String eventId) {

		/** Whether the write's event is newer (see {@link #save}). */
		boolean olderThan(Write write) {
			return this.occurredAt.isBefore(write.occurredAt())
					|| (this.occurredAt.equals(write.occurredAt()) && !write.eventId().equals(this.eventId));
		}

	}

	/**
	 * Writes the state unless the stored one comes from a newer event or from this very
	 * event. Events of one unit share a partition and arrive in order, so a different
	 * event with the same time is the later one and wins.
	 * @param update the new state, with {@code occurredAt} and {@code lastEventId}
	 */
	static Outcome save(MongoTemplate mongo, Class<?> type, String id, Instant occurredAt, String eventId,
			Update update) {
		Query newerThanStored = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where("occurredAt").lt(occurredAt),
					Criteria.where("occurredAt").is(occurredAt).and("lastEventId").ne(eventId)));
		try {
			mongo.upsert(newerThanStored, update, type);
			return Outcome.APPLIED;
		}
		catch (DuplicateKeyException ex) {
			// The unit is stored and the filter did not match it, or another consumer
			// inserted it a moment ago: try once more as a plain conditional update.
			UpdateResult result = mongo.updateFirst(newerThanStored, update, type);
			if (result.getMatchedCount() > 0) {
				return Outcome.APPLIED;
			}
			Document stored = mongo.findById(id, Document.class, mongo.getCollectionName(type));
			return (stored != null && eventId.equals(stored.getString("lastEventId"))) ? Outcome.DUPLICATE
					: Outcome.STALE;
		}
	}

}
