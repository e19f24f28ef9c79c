package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code deadlines} collection. Each event is applied by one update that records its
 * id and names the version it read, so a redelivered event changes nothing and two
 * consumers cannot both apply theirs to the same version.
 */
@Repository
class Deadlines {

	private final MongoTemplate mongo;

	Deadlines(MongoTemplate mongo) {
		this.mongo = mongo;
		// The versioned update (see Reminders for why the development store needs it).
		StoreIndexes.create(mongo, Deadline.class, StoreIndexes.unique("_id", "version"));
	}

	Optional<Deadline> find(String submissionId) {
		return Optional.ofNullable(this.mongo.findById(submissionId, Deadline.class));
	}

	/**
	 * The deadlines of these reports that are known, in one read through the id index.
	 */
	List<Deadline> findAll(Collection<String> submissionIds) {
		if (submissionIds.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(submissionIds)), Deadline.class);
	}

	/** Of these reports, the ones still waiting (not in), read through the id index. */
	Set<String> stillOpen(Collection<String> submissionIds) {
		if (submissionIds.isEmpty()) {
			return Set.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(submissionIds)), Deadline.class)
			.stream()
			.filter(Deadline::open)
			.map(Deadline::submissionId)
			.collect(Collectors.toSet());
	}

	/**
	 * Applies the event unless it was applied before: an insert for a report not seen
	 * yet, else an update that names the version it read, tried again if another consumer
	 * (a rebalance) got in between.
	 * @return whether it changed the stored deadline
	 */
	boolean apply(SubmissionEvent event, Instant now) {
		while (true) {
			Deadline stored = this.mongo.findById(event.submissionId(), Deadline.class);
			if (stored == null) {
				try {
					this.mongo.insert(applied(first(event, now), event));
					return true;
				}
				catch (DuplicateKeyException ex) {
					continue;
				}
			}
			if (stored.appliedEvents().contains(event.eventId())) {
				return false;
			}
			Deadline next = applied(stored, event);
			Query unchanged = Query
				.query(Criteria.where("_id").is(stored.submissionId()).and("version").is(stored.version()));
			Update update = new Update().set("dueDate", next.dueDate())
				.set("receiverUnitCode", next.receiverUnitCode())
				.set("escalationUnitCode", next.escalationUnitCode())
				.set("open", next.open())
				.push("appliedEvents", event.eventId())
				.set("version", next.version());
			if (this.mongo.updateFirst(unchanged, update, Deadline.class).getModifiedCount() > 0) {
				return true;
			}
		}
	}

	/** A report known only by this event, before the event is applied. */
	private static Deadline first(SubmissionEvent event, Instant now) {
		return new Deadline(event.submissionId(), event.unitCode(), event.planId(), event.periodId(),
				event.periodType(), null, null, null, true, now, List.of(), 0);
	}

	/**
	 * The deadline with the event applied. A due date that moves after the report is in
	 * does not reopen it; an overdue notice changes nothing, the schedule holds the late
	 * reminders already.
	 */
	private static Deadline applied(Deadline deadline, SubmissionEvent event) {
		boolean open = switch (event.kind()) {
			case DUE, OVERDUE -> deadline.open();
			case SUBMITTED, APPROVED -> false;
			case RETURNED -> true;
		};
		boolean due = event.kind() == SubmissionEvent.Kind.DUE;
		List<String> applied = new ArrayList<>(deadline.appliedEvents());
		applied.add(event.eventId());
		return new Deadline(deadline.submissionId(), deadline.unitCode(), deadline.planId(), deadline.periodId(),
				deadline.periodType(), due ? event.dueDate() : deadline.dueDate(),
				due ? event.receiverUnitCode() : deadline.receiverUnitCode(),
				due ? event.escalationUnitCode() : deadline.escalationUnitCode(), open, deadline.learnedAt(), applied,
				deadline.version() + 1);
	}

}
