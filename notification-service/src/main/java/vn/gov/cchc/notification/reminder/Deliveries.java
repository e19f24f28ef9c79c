package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.gov.cchc.notification.store.StoreIndexes;
import vn.gov.cchc.outbox.OutboxEvent;

/**
 * The {@code deliveries} collection, the delivery log. A delivery's outcome and the event
 * that announces it are written by one update of one document (the event waits in the
 * document's outbox, which platform-outbox relays), so the log and
 * {@code cchc.notifications} cannot disagree.
 */
@Repository
class Deliveries {

	private static final List<Delivery.State> UNFINISHED = List.of(Delivery.State.PREPARING, Delivery.State.SENDING);

	private final MongoTemplate mongo;

	Deliveries(MongoTemplate mongo) {
		this.mongo = mongo;
		// For MongoDB: abandoned leases, the log of a unit.
		StoreIndexes.create(mongo, Delivery.class, StoreIndexes.of("state", "leaseUntil"),
				StoreIndexes.of("recipientUnitCode", "createdAt"));
		StoreIndexes.retire(mongo, Delivery.class, "id_owner");
	}

	Optional<Delivery> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Delivery.class));
	}

	/**
	 * Makes the messages of one dispatcher round, in one write: each already carries the
	 * reminders it is meant to take and is marked as being sent, before any of them is
	 * claimed. A process that dies before a message goes leaves it in doubt; the instance
	 * that takes it over asks the provider and sends it only with the reminders it really
	 * claimed (see {@link ReminderClaims}).
	 */
	List<Delivery> createSending(List<Delivery> made) {
		if (made.isEmpty()) {
			return List.of();
		}
		return List.copyOf(this.mongo.insert(made, Delivery.class));
	}

	/** Changes what a message being sent carries, before it goes. */
	Delivery carrying(Delivery delivery, List<Delivery.Item> items) {
		this.mongo.updateFirst(mine(delivery), new Update().set("items", items), Delivery.class);
		return new Delivery(delivery.id(), delivery.recipientUnitCode(), delivery.channel(), delivery.state(),
				delivery.owner(), delivery.leaseUntil(), delivery.createdAt(), items, delivery.attempts(), null, null,
				null, null, null, List.of());
	}

	/** Removes messages that carry nothing and were never sent, in one bulk write. */
	void deleteAll(Collection<Delivery> empty) {
		if (empty.isEmpty()) {
			return;
		}
		BulkOperations removals = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
		empty.forEach((delivery) -> removals.remove(mine(delivery)));
		removals.execute();
	}

	/**
	 * Records that the messages went out, each with its event, in one bulk write; each
	 * update holds only while its instance holds the message.
	 */
	void markSentAll(List<SentRecord> sent) {
		if (sent.isEmpty()) {
			return;
		}
		BulkOperations updates = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
		for (SentRecord record : sent) {
			updates.updateOne(mine(record.delivery()),
					sentUpdate(record.providerReference(), record.attempts(), record.at(), record.event()));
		}
		updates.execute();
	}

	/** A message that went out, as {@link #markSentAll} records it. */
	record SentRecord(Delivery delivery, String providerReference, List<Delivery.Attempt> attempts, Instant at,
			OutboxEvent event) {

	}

	void delete(Delivery delivery) {
		this.mongo.remove(mine(delivery), Delivery.class);
	}

	private static Update sentUpdate(String providerReference, List<Delivery.Attempt> attempts, Instant now,
			OutboxEvent event) {
		return new Update().set("state", Delivery.State.SENT)
			.set("providerReference", providerReference)
			.set("sentAt", now)
			.push("attempts")
			.each(attempts.toArray())
			.push("outbox", event);
	}

	void markFailed(Delivery delivery, String failure, List<Delivery.Attempt> attempts,
			@Nullable Channel fallbackChannel, @Nullable Instant retryAt, OutboxEvent event) {
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

	/** Leaves an old doubt to an operator, with why. */
	void markUnresolved(Delivery delivery, Delivery.Attempt why) {
		this.mongo.updateFirst(mine(delivery),
				new Update().set("state", Delivery.State.UNRESOLVED).push("attempts", why), Delivery.class);
	}

	/**
	 * Takes an unresolved delivery to carry out an operator's decision: only one caller
	 * gets it.
	 * @return the delivery, sending again under its new owner, or empty if it is not
	 * unresolved (decided already, or never in doubt)
	 */
	Optional<Delivery> takeUnresolved(String id, String owner, Instant now, Duration lease) {
		Query unresolved = Query.query(Criteria.where("_id").is(id).and("state").is(Delivery.State.UNRESOLVED));
		Update take = new Update().set("state", Delivery.State.SENDING)
			.set("owner", owner)
			.set("leaseUntil", now.plus(lease));
		return Optional.ofNullable(this.mongo.findAndModify(unresolved, take,
				FindAndModifyOptions.options().returnNew(true), Delivery.class));
	}

	/** How many deliveries wait for an operator's decision. */
	long unresolved() {
		return this.mongo.count(Query.query(Criteria.where("state").is(Delivery.State.UNRESOLVED)), Delivery.class);
	}

	/** Records an answer of the provider about an earlier attempt. */
	void recordAttempt(Delivery delivery, Delivery.Attempt attempt) {
		this.mongo.updateFirst(mine(delivery), new Update().push("attempts", attempt), Delivery.class);
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
