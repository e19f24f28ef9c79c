package vn.gov.cchc.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A unit withdrew one of its earlier reports: consumers stop counting
 * {@code retractsEventId}, and with it every correction of it. A report is retracted at
 * most once and is never corrected after. The original event stays on the topic
 * unchanged. Keyed by the unit code like the report it retracts.
 *
 * @param eventId the retraction's own idempotency key
 * @param retractsEventId the {@code eventId} of the {@link ProgressRecorded} it withdraws
 * @param unitCode the unit of the withdrawn report
 * @param planId the plan of the withdrawn report
 * @param activityId the activity of the withdrawn report
 * @param date the day of the withdrawn report, so that consumers know which period
 * changes
 * @param reason why it is withdrawn, plain text
 * @param reporter who withdrew it
 * @param note what the reporter added in words, plain text
 * @param recordedAt when plan-service accepted the retraction (UTC)
 */
public record ProgressRetracted(String eventId, String retractsEventId, String unitCode, String planId,
		String activityId, LocalDate date, String reason, String reporter, @Nullable String note, Instant recordedAt) {

	public ProgressRetracted {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(retractsEventId, "retractsEventId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(activityId, "activityId");
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(reporter, "reporter");
		Objects.requireNonNull(recordedAt, "recordedAt");
	}

}
