package vn.gov.cchc.notification.contact;

import java.time.Instant;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
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

	/** What a write did. */
	enum Outcome {

		APPLIED, STALE, DUPLICATE

	}

	private LatestEventWrites() {
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
