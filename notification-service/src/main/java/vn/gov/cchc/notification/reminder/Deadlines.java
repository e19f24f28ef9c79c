package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code deadlines} collection. Each event is applied by one conditional upsert that
 * also records its id, so a redelivered event matches nothing and changes nothing.
 */
@Repository
class Deadlines {

	private final MongoTemplate mongo;

	Deadlines(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<Deadline> find(String submissionId) {
		return Optional.ofNullable(this.mongo.findById(submissionId, Deadline.class));
	}

	/**
	 * Applies the event unless it was applied before.
	 * @return whether it changed the stored deadline
	 */
	boolean apply(SubmissionEvent event, Instant now) {
		Query notYetApplied = Query
			.query(Criteria.where("_id").is(event.submissionId()).and("appliedEvents").ne(event.eventId()));
		Update update = new Update().push("appliedEvents", event.eventId())
			.setOnInsert("unitCode", event.unitCode())
			.setOnInsert("planId", event.planId())
			.setOnInsert("periodId", event.periodId())
			.setOnInsert("periodType", event.periodType())
			.setOnInsert("learnedAt", now);
		switch (event.kind()) {
			case DUE -> update.set("dueDate", event.dueDate())
				.set("receiverUnitCode", event.receiverUnitCode())
				.set("escalationUnitCode", event.escalationUnitCode())
				// A due date that moves after the report is in does not reopen it.
				.setOnInsert("open", true);
			case SUBMITTED, APPROVED -> update.set("open", false);
			case RETURNED -> update.set("open", true);
			case OVERDUE -> update.setOnInsert("open", true);
		}
		try {
			this.mongo.upsert(notYetApplied, update, Deadline.class);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Stored already with this event applied (or inserted by another consumer a
			// moment ago): try once as a plain conditional update.
			return this.mongo.updateFirst(notYetApplied, update, Deadline.class).getModifiedCount() > 0;
		}
	}

}
