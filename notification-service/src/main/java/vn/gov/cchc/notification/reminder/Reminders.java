package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.gov.cchc.notification.store.StoreIndexes;

/**
 * The {@code reminders} collection. Every change of state is one conditional update on
 * one document that names the state it expects, so two dispatchers (two instances, or a
 * restarted one and the lease it took over) can never both move the same reminder. The
 * dispatcher's hot path sends those updates many at a time in one unordered bulk write:
 * each update in it is still conditional on its own document.
 */
@Repository
class Reminders {

	private final MongoTemplate mongo;

	Reminders(MongoTemplate mongo) {
		this.mongo = mongo;
		// Every conditional update names the id and the fields it expects: the id index
		// answers it. For MongoDB: the dispatcher's round, the cancellation of a report's
		// reminders, the schedule of a unit.
		StoreIndexes.create(mongo, Reminder.class, StoreIndexes.of("state", "sendAt"),
				StoreIndexes.of("submissionId", "state"), StoreIndexes.of("recipientUnitCode", "sendAt"));
		StoreIndexes.retire(mongo, Reminder.class, "id_state", "id_deliveryId_state", "id_state_failedPermanently");
	}

	Optional<Reminder> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Reminder.class));
	}

	/**
	 * Adds the reminder, or brings a stored one up to date: a waiting reminder follows a
	 * moved due date, and a cancelled one whose time is still ahead waits again (a report
	 * returned for fixes). A reminder that went out, failed or was skipped stays as it
	 * is.
	 */
	void plan(Reminder planned, Instant now) {
		try {
			this.mongo.insert(planned);
			return;
		}
		catch (DuplicateKeyException ex) {
			// Planned before: fall through to the updates.
		}
		Update follow = new Update().set("dueDate", planned.dueDate())
			.set("dueAt", planned.dueAt())
			.set("sendAt", planned.sendAt())
			.set("recipientUnitCode", planned.recipientUnitCode())
			.set("updatedAt", now);
		Query waiting = byId(planned.id()).addCriteria(Criteria.where("state").is(Reminder.State.SCHEDULED));
		if (this.mongo.updateFirst(waiting, follow, Reminder.class).getMatchedCount() > 0) {
			return;
		}
		if (planned.state() == Reminder.State.SCHEDULED && planned.sendAt().isAfter(now)) {
			Query cancelled = byId(planned.id()).addCriteria(Criteria.where("state").is(Reminder.State.CANCELLED));
			this.mongo.updateFirst(cancelled, follow.set("state", Reminder.State.SCHEDULED), Reminder.class);
		}
	}

	/**
	 * Plans many reminders (see {@link #plan}): inserted together in one unordered bulk
	 * write; those stored before (a redelivered event, a due date that moved, a report
	 * returned) fail there on their id and are brought up to date one at a time.
	 */
	void planAll(List<Reminder> planned, Instant now) {
		if (planned.isEmpty()) {
			return;
		}
		BulkOperations inserts = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
		planned.forEach(inserts::insert);
		List<Integer> storedBefore = new ArrayList<>();
		try {
			inserts.execute();
		}
		catch (BulkOperationException ex) {
			for (BulkWriteError error : ex.getErrors()) {
				if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				storedBefore.add(error.getIndex());
			}
		}
		storedBefore.forEach((index) -> plan(planned.get(index), now));
	}

	/** Cancels the reminders of a report that are still waiting. */
	long cancelWaiting(String submissionId, Instant now) {
		Query waiting = Query
			.query(Criteria.where("submissionId").is(submissionId).and("state").is(Reminder.State.SCHEDULED));
		return this.mongo
			.updateMulti(waiting, new Update().set("state", Reminder.State.CANCELLED).set("updatedAt", now),
					Reminder.class)
			.getModifiedCount();
	}

	/** Waiting reminders on these channels whose time has come, the earliest first. */
	List<Reminder> due(Instant now, Collection<Channel> channels, int limit) {
		Query due = Query.query(
				Criteria.where("state").is(Reminder.State.SCHEDULED).and("sendAt").lte(now).and("channel").in(channels))
			.with(Sort.by("sendAt", "_id"))
			.limit(limit);
		return this.mongo.find(due, Reminder.class);
	}

	/**
	 * Takes waiting reminders into their messages, in one bulk write.
	 * @param deliveryOf the message each reminder goes into, by reminder id
	 * @return the ids of the reminders taken: those another dispatcher took first are not
	 * among them
	 */
	Set<String> claimAll(Map<String, String> deliveryOf, Instant now) {
		if (deliveryOf.isEmpty()) {
			return Set.of();
		}
		BulkOperations claims = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
		deliveryOf.forEach((id, deliveryId) -> claims.updateOne(
				byId(id).addCriteria(Criteria.where("state").is(Reminder.State.SCHEDULED)),
				new Update().set("state", Reminder.State.CLAIMED).set("deliveryId", deliveryId).set("updatedAt", now)));
		BulkWriteResult result = claims.execute();
		if (result.getModifiedCount() == deliveryOf.size()) {
			return deliveryOf.keySet();
		}
		// A bulk write counts what it changed but does not say which: the reminders tell.
		return findAll(deliveryOf.keySet()).stream()
			.filter((reminder) -> reminder.state() == Reminder.State.CLAIMED
					&& deliveryOf.get(reminder.id()).equals(reminder.deliveryId()))
			.map(Reminder::id)
			.collect(Collectors.toSet());
	}

	/** The reminders with these ids, read through the id index. */
	List<Reminder> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Reminder.class);
	}

	/**
	 * Records that the messages carrying these reminders went out, in one bulk write.
	 * @param deliveryOf the message that carried each reminder, by reminder id
	 */
	void markSentAll(Map<String, String> deliveryOf, Instant now) {
		bulk(deliveryOf, new Update().set("state", Reminder.State.SENT).set("updatedAt", now));
	}

	/**
	 * Cancels claimed reminders whose reports came in while their messages were being
	 * made, in one bulk write.
	 */
	void cancelClaimedAll(Map<String, String> deliveryOf, Instant now) {
		bulk(deliveryOf, new Update().set("state", Reminder.State.CANCELLED).set("updatedAt", now));
	}

	/**
	 * Gives a claimed reminder back to wait until {@code sendAt}, its message not sent
	 * (an SMS whose turn came in the quiet hours), without counting a failed try.
	 */
	void giveBack(String id, String deliveryId, Instant sendAt, Instant now) {
		this.mongo.updateFirst(claimed(id, deliveryId),
				new Update().set("state", Reminder.State.SCHEDULED)
					.unset("deliveryId")
					.set("sendAt", sendAt)
					.set("updatedAt", now),
				Reminder.class);
	}

	private void bulk(Map<String, String> deliveryOf, Update update) {
		if (deliveryOf.isEmpty()) {
			return;
		}
		BulkOperations updates = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
		deliveryOf.forEach((id, deliveryId) -> updates.updateOne(claimed(id, deliveryId), update));
		updates.execute();
	}

	/** Gives a message's reminders back, for a message that was never sent. */
	void release(String deliveryId, Instant now) {
		this.mongo.updateMulti(claimed(deliveryId),
				new Update().set("state", Reminder.State.SCHEDULED).unset("deliveryId").set("updatedAt", now),
				Reminder.class);
	}

	/** Records that the message failed for this reminder and that it is not retried. */
	void markFailed(String id, String deliveryId, String failure, boolean permanent, Instant now) {
		this.mongo.updateFirst(claimed(id, deliveryId),
				new Update().set("state", Reminder.State.FAILED)
					.set("failure", failure)
					.set("failedPermanently", permanent)
					.inc("tries", 1)
					.set("updatedAt", now),
				Reminder.class);
	}

	/** Puts a claimed reminder back to wait for a later try on the same channel. */
	void retryLater(String id, String deliveryId, Instant sendAt, String failure, Instant now) {
		this.mongo.updateFirst(claimed(id, deliveryId),
				new Update().set("state", Reminder.State.SCHEDULED)
					.unset("deliveryId")
					.set("sendAt", sendAt)
					.set("failure", failure)
					.inc("tries", 1)
					.set("updatedAt", now),
				Reminder.class);
	}

	/**
	 * Makes sure the reminder also goes by the other channel, because its own channel
	 * failed: adds that reminder to go at {@code sendAt} if the rule did not have it, or
	 * brings it back if it had failed for the time being.
	 * @return whether the other channel carries it now
	 */
	boolean coverByOtherChannel(Reminder failed, Instant sendAt, Instant now) {
		Channel other = failed.channel().other();
		String id = Reminder.id(failed.submissionId(), failed.rule(), other);
		Reminder cover = new Reminder(id, failed.submissionId(), failed.unitCode(), failed.planId(), failed.periodId(),
				failed.periodType(), failed.dueDate(), failed.rule(), failed.kind(), other, failed.recipientUnitCode(),
				failed.dueAt(), sendAt, Reminder.State.SCHEDULED, null, failed.channel(), 0, null, false, now);
		try {
			this.mongo.insert(cover);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// The rule has this channel too: see where that reminder is.
		}
		Query failedForNow = byId(id)
			.addCriteria(Criteria.where("state").is(Reminder.State.FAILED).and("failedPermanently").is(false));
		Update again = new Update().set("state", Reminder.State.SCHEDULED)
			.unset("deliveryId")
			.set("sendAt", sendAt)
			.set("fallbackFrom", failed.channel())
			.set("updatedAt", now);
		if (this.mongo.updateFirst(failedForNow, again, Reminder.class).getModifiedCount() > 0) {
			return true;
		}
		Reminder.State state = find(id).map(Reminder::state).orElse(Reminder.State.FAILED);
		return state == Reminder.State.SCHEDULED || state == Reminder.State.CLAIMED || state == Reminder.State.SENT;
	}

	/** The reminders of a report that pass the test (what the caller may read). */
	List<Reminder> ofSubmission(String submissionId, Predicate<Reminder> readable) {
		return this.mongo
			.find(Query.query(Criteria.where("submissionId").is(submissionId)).with(Sort.by("dueAt", "channel")),
					Reminder.class)
			.stream()
			.filter(readable)
			.toList();
	}

	/**
	 * The latest reminders to a unit that pass the test (what the caller may read), the
	 * latest first.
	 */
	List<Reminder> ofRecipient(String unitCode, int limit, Predicate<Reminder> readable) {
		Query query = Query.query(Criteria.where("recipientUnitCode").is(unitCode))
			.with(Sort.by(Sort.Direction.DESC, "sendAt").and(Sort.by("_id")));
		return FilteredReads.first(this.mongo, query, Reminder.class, Reminder::id, readable, limit);
	}

	private static Query claimed(String deliveryId) {
		return Query.query(Criteria.where("deliveryId").is(deliveryId).and("state").is(Reminder.State.CLAIMED));
	}

	/**
	 * One claimed reminder, by id: a message carries few reminders, so the updates around
	 * a send go by id.
	 */
	private static Query claimed(String id, String deliveryId) {
		return byId(id).addCriteria(Criteria.where("deliveryId").is(deliveryId))
			.addCriteria(Criteria.where("state").is(Reminder.State.CLAIMED));
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
