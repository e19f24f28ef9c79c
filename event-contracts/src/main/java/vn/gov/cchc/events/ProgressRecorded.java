package vn.gov.cchc.events;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One thing a unit did for its plan, accepted by plan-service. Corrections and
 * retractions are new events; nothing is edited in place.
 *
 * @param eventId the client-made idempotency key
 * @param unitCode official code of the unit that did it
 * @param planId the plan it implements
 * @param activityId the activity (row of the plan's appendix)
 * @param date the day it was done, in Asia/Ho_Chi_Minh
 * @param quantities quantity per metric (e.g. {@code broadcasts}, {@code minutes}), whole
 * and non-negative
 * @param evidence links to the evidence (article, video, attendance list)
 * @param budgetSpentVnd budget spent, whole VND
 * @param reporter who reported it (officer account or commune system)
 * @param recordedAt when plan-service accepted it (UTC)
 * @param note what the reporter added in words, plain text of at most 2,000 characters;
 * absent when none was given and in events written before it existed
 */
public record ProgressRecorded(String eventId, String unitCode, String planId, String activityId, LocalDate date,
		Map<String, Long> quantities, List<URI> evidence, long budgetSpentVnd, String reporter, Instant recordedAt,
		@Nullable String note) {

	public ProgressRecorded {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(activityId, "activityId");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(reporter, "reporter");
		Objects.requireNonNull(recordedAt, "recordedAt");
		quantities = Map.copyOf(Objects.requireNonNull(quantities, "quantities"));
		evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
	}

	/** A report without a note, the shape of the first version of this event. */
	public ProgressRecorded(String eventId, String unitCode, String planId, String activityId, LocalDate date,
			Map<String, Long> quantities, List<URI> evidence, long budgetSpentVnd, String reporter,
			Instant recordedAt) {
		this(eventId, unitCode, planId, activityId, date, quantities, evidence, budgetSpentVnd, reporter, recordedAt,
				null);
	}

}
