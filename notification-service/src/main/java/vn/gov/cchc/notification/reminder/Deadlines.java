package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.gov.cchc.notification.store.StoreIndexes;

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
		StoreIndexes.retire(mongo, Deadline.class, "id_version");
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
		return findAll(submissionIds).stream()
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
			if (this.mongo.updateFirst(unchanged(stored), becoming(applied(stored, event)), Deadline.class)
				.getModifiedCount() > 0) {
				return true;
			}
		}
	}

	/**
	 * Applies a batch's events as {@link #apply} does, with one read and two bulk writes
	 * for the whole batch: the stored deadlines are read by id, each report's events are
	 * applied to it in order, and the reports are written once each, the new ones
	 * inserted and the others updated naming the version read. A report another consumer
	 * wrote in between (a rebalance) misses, and its events are applied again one at a
	 * time, which skips those it already has.
	 * @return how many of the events changed a deadline, and the batch's deadlines as
	 * they now stand
	 */
	Applied applyAll(List<SubmissionEvent> events, Instant now) {
		Map<String, List<SubmissionEvent>> byReport = new LinkedHashMap<>();
		events.forEach((event) -> byReport.computeIfAbsent(event.submissionId(), (id) -> new ArrayList<>()).add(event));
		Map<String, Deadline> stored = new HashMap<>();
		findAll(byReport.keySet()).forEach((deadline) -> stored.put(deadline.submissionId(), deadline));
		List<Deadline> added = new ArrayList<>();
		Map<Deadline, Deadline> changed = new LinkedHashMap<>();
		Map<String, Integer> appliedTo = new HashMap<>();
		Map<String, Deadline> standing = new LinkedHashMap<>();
		for (List<SubmissionEvent> ofReport : byReport.values()) {
			Deadline before = stored.get(ofReport.get(0).submissionId());
			Deadline after = (before != null) ? before : first(ofReport.get(0), now);
			for (SubmissionEvent event : ofReport) {
				if (!after.appliedEvents().contains(event.eventId())) {
					after = applied(after, event);
					appliedTo.merge(event.submissionId(), 1, Integer::sum);
				}
			}
			standing.put(after.submissionId(), after);
			if (before == null) {
				added.add(after);
			}
			else if (after != before) {
				changed.put(before, after);
			}
		}
		Set<String> missed = new LinkedHashSet<>(insertAll(added));
		missed.addAll(updateAll(changed));
		for (String report : missed) {
			appliedTo.remove(report);
			for (SubmissionEvent event : byReport.get(report)) {
				if (apply(event, now)) {
					appliedTo.merge(report, 1, Integer::sum);
				}
			}
		}
		// What another consumer wrote is read back; the rest stands as this batch wrote
		// it.
		findAll(missed).forEach((deadline) -> standing.put(deadline.submissionId(), deadline));
		return new Applied(appliedTo.values().stream().mapToInt(Integer::intValue).sum(),
				List.copyOf(standing.values()));
	}

	/**
	 * What a batch did.
	 *
	 * @param changed how many of its events changed a deadline
	 * @param deadlines its reports' deadlines as they now stand
	 */
	record Applied(int changed, List<Deadline> deadlines) {

	}

	/**
	 * Inserts the new reports in one write; returns those another consumer added first.
	 */
	private Set<String> insertAll(List<Deadline> added) {
		if (added.isEmpty()) {
			return Set.of();
		}
		BulkOperations inserts = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Deadline.class);
		added.forEach(inserts::insert);
		try {
			inserts.execute();
			return Set.of();
		}
		catch (BulkOperationException ex) {
			Set<String> missed = new HashSet<>();
			for (BulkWriteError error : ex.getErrors()) {
				if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				missed.add(added.get(error.getIndex()).submissionId());
			}
			return missed;
		}
	}

	/**
	 * Writes the changed reports in one write, each naming the version read; returns
	 * those another consumer changed first.
	 */
	private Set<String> updateAll(Map<Deadline, Deadline> changed) {
		if (changed.isEmpty()) {
			return Set.of();
		}
		BulkOperations updates = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Deadline.class);
		changed.forEach((before, after) -> updates.updateOne(unchanged(before), becoming(after)));
		if (updates.execute().getMatchedCount() == changed.size()) {
			return Set.of();
		}
		// A bulk write counts what it matched but does not say which: the events tell (a
		// version alone could have been reached by another consumer's write).
		Map<String, List<String>> written = new HashMap<>();
		changed.values().forEach((after) -> written.put(after.submissionId(), after.appliedEvents()));
		Set<String> missed = new HashSet<>(written.keySet());
		findAll(written.keySet()).stream()
			.filter((now) -> now.appliedEvents().containsAll(written.get(now.submissionId())))
			.forEach((now) -> missed.remove(now.submissionId()));
		return missed;
	}

	/** The deadline as it was read, by its id and version. */
	private static Query unchanged(Deadline read) {
		return Query.query(Criteria.where("_id").is(read.submissionId()).and("version").is(read.version()));
	}

	/** The update that makes a stored deadline this one. */
	private static Update becoming(Deadline next) {
		return new Update().set("dueDate", next.dueDate())
			.set("receiverUnitCode", next.receiverUnitCode())
			.set("escalationUnitCode", next.escalationUnitCode())
			.set("open", next.open())
			.set("appliedEvents", next.appliedEvents())
			.set("version", next.version());
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
