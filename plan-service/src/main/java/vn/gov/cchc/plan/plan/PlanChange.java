package vn.gov.cchc.plan.plan;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanStatus;

/**
 * One step in a plan's life after its draft: issued, amended or closed. Kept in the
 * plan's {@code history}, oldest first, so every version can say when and why it came
 * about.
 *
 * @param version the version it produced (for a closing, the version that was closed)
 * @param status {@code ISSUED}, {@code AMENDED} or {@code CLOSED}
 * @param on the date of the decision (issue date, date of the amending document, closing
 * date)
 * @param reason why, as the officer wrote it (required for amendments)
 * @param occurredAt when the service recorded it (UTC)
 * @param eventId id of the CloudEvent that announced it
 */
record PlanChange(int version, PlanStatus status, LocalDate on, @Nullable String reason, Instant occurredAt,
		String eventId) {

}
