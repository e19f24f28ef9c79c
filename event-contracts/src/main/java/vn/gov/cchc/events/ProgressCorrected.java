package vn.gov.cchc.events;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A unit replaced the values of one of its earlier reports. The correction carries the
 * whole report again, not a difference: consumers replace what they counted for
 * {@code correctsEventId} with these values. The original event stays on the topic
 * unchanged; a later correction of the same report replaces an earlier one. Keyed by the
 * unit code like the report it corrects, so it follows it on the same partition.
 *
 * @param eventId the correction's own idempotency key
 * @param correctsEventId the {@code eventId} of the {@link ProgressRecorded} it corrects
 * @param unitCode the unit, the same as the corrected report's
 * @param planId the plan, the same as the corrected report's
 * @param activityId the activity, the same as the corrected report's
 * @param date the day it was done, in Asia/Ho_Chi_Minh
 * @param quantities quantity per metric, whole and non-negative
 * @param evidence links to the evidence
 * @param budgetSpentVnd budget spent, whole VND
 * @param reporter who made the correction
 * @param note what the reporter added in words, plain text
 * @param recordedAt when plan-service accepted the correction (UTC)
 */
public record ProgressCorrected(String eventId, String correctsEventId, String unitCode, String planId,
		String activityId, LocalDate date, Map<String, Long> quantities, List<URI> evidence, long budgetSpentVnd,
		String reporter, @Nullable String note, Instant recordedAt) {

	public ProgressCorrected {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(correctsEventId, "correctsEventId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(activityId, "activityId");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(reporter, "reporter");
		Objects.requireNonNull(recordedAt, "recordedAt");
		quantities = Map.copyOf(Objects.requireNonNull(quantities, "quantities"));
		evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
	}

}
