package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code deliveries} collection, the delivery log. A delivery's outcome and the event
 * that announces it are written by one update of one document (the event waits in the
 * document's outbox), so the log and {@code cchc.notifications} cannot disagree.
 */
@Repository
class Deliveries {

	private static final List<Delivery.State> UNFINISHED = List.of(Delivery.State.PREPARING, Delivery.State.SENDING);

	private final MongoTemplate mongo;

	Deliveries(MongoTemplate mongo) {
		this.mongo = mongo;
		StoreIndexes.create(mongo, Delivery.class,
				// The updates of the instance holding a delivery (see Reminders).
				StoreIndexes.unique("_id", "owner"),
				// For MongoDB: abandoned leases, the log of a unit.
				StoreIndexes.of("state", "leaseUntil"), StoreIndexes.of("recipientUnitCode", "createdAt"));
	}

	Optional<Delivery> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Delivery.class));
	}

	Delivery create(String id, String recipientUnitCode, Channel channel, String owner, Instant now, Duration lease) {
		return this.mongo.insert(new Delivery(id, recipientUnitCode, channel, Delivery.State.PREPARING, owner,
				now.plus(lease), now, List.of(), List.of(), null, null, null, null, null, List.of()));
	}

	/** Fixes what the delivery carries and marks it as being sent. */
	Delivery startSending(Delivery delivery, List<Delivery.Item> items) {
		Update sending = new Update().set("state", Delivery.State.SENDING).set("items", items);
		this.mongo.updateFirst(mine(delivery), sending, Delivery.class);
		return new Delivery(delivery.id(), delivery.recipientUnitCode(), delivery.channel(), Delivery.State.SENDING,
				delivery.owner(), delivery.leaseUntil(), delivery.createdAt(), items, delivery.attempts(), null, null,
				null, null, null, List.of());
	}

	void delete(Delivery delivery) {
		this.mongo.remove(mine(delivery), Delivery.class);
	}

	void markSent(Delivery delivery, String providerReference, List<Delivery.Attempt> attempts, Instant now,
			Delivery.PendingEvent event) {
		Update sent = new Update().set("state", Delivery.State.SENT)
			.set("providerReference", providerReference)
			.set("sentAt", now)
			.push("attempts")
			.each(attempts.toArray())
			.push("outbox", event);
		this.mongo.updateFirst(mine(delivery), sent, Delivery.class);
	}

	void markFailed(Delivery delivery, String failure, List<Delivery.Attempt> attempts,
			@Nullable Channel fallbackChannel, @Nullable Instant retryAt, Delivery.PendingEvent event) {
		Update failed = new Update().set("state", Delivery.State.FAILED)
			.set("failure", failure)
			.set("fallbackChannel", fallbackChannel)
			.set("retryAt", retryAt)
			.push("attempts")
			.each(attempts.toArray())
			.push("outbox", event);
		this.mongo.updateFirst(mine(delivery), failed, Delivery.class);
	}

	/** Unfinished deliveries whose instance has not finished them in time. */
	List<Delivery> abandoned(Instant now, int limit) {
		return this.mongo.find(Query.query(Criteria.where("state").in(UNFINISHED).and("leaseUntil").lt(now))
			.with(Sort.by("createdAt"))
			.limit(limit), Delivery.class);
	}

	/**
	 * Takes over an abandoned delivery: only one instance gets it.
	 * @return the delivery under its new owner, or empty if it was finished or taken
	 */
	Optional<Delivery> takeOver(Delivery abandoned, String owner, Instant now, Duration lease) {
		Query stillAbandoned = Query
			.query(Criteria.where("_id").is(abandoned.id()).and("state").in(UNFINISHED).and("leaseUntil").lt(now));
		Update take = new Update().set("owner", owner).set("leaseUntil", now.plus(lease));
		return Optional.ofNullable(this.mongo.findAndModify(stillAbandoned, take,
				FindAndModifyOptions.options().returnNew(true), Delivery.class));
	}

	/** Records an answer of the provider about an earlier attempt. */
	void recordAttempt(Delivery delivery, Delivery.Attempt attempt) {
		this.mongo.updateFirst(mine(delivery), new Update().push("attempts", attempt), Delivery.class);
	}

	List<Delivery> withPendingEvents(int limit) {
		return this.mongo.find(Query.query(Criteria.where("outbox.eventId").exists(true)).limit(limit), Delivery.class);
	}

	void removePending(String id, String eventId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().pull("outbox", new Document("eventId", eventId)), Delivery.class);
	}

	/**
	 * The latest deliveries that match the query and pass the test (what the caller may
	 * read), newest first.
	 */
	List<Delivery> search(@Nullable String unitCode, @Nullable Channel channel, Delivery.@Nullable State state,
			int limit, Predicate<Delivery> readable) {
		Criteria criteria = new Criteria();
		if (unitCode != null) {
			criteria = criteria.and("recipientUnitCode").is(unitCode);
		}
		if (channel != null) {
			criteria = criteria.and("channel").is(channel);
		}
		if (state != null) {
			criteria = criteria.and("state").is(state);
		}
		Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")));
		return FilteredReads.first(this.mongo, query, Delivery.class, Delivery::id, readable, limit);
	}

	/** The delivery as long as this instance still holds it. */
	private static Query mine(Delivery delivery) {
		return Query.query(Criteria.where("_id").is(delivery.id()).and("owner").is(delivery.owner()));
	}

}
