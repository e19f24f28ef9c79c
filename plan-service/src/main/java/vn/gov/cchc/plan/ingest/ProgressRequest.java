package vn.gov.cchc.plan.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A progress report as sent to {@code POST /api/v1/progress}, as one item of
 * {@code POST /api/v1/progress:batch}, or as the value of a record on
 * {@code cchc.progress.inbox}. Everything is nullable so that
 * {@link ProgressRequestValidator} can name every missing field at once; values of the
 * wrong JSON type are refused while reading (see the strict {@code spring.jackson}
 * settings). Unknown fields are ignored.
 *
 * <p>
 * The same shape carries three kinds of report: a new report; a correction
 * ({@code correctsEventId} set, with the whole replacement values); a retraction
 * ({@code retractsEventId} and {@code reason} set, without values).
 *
 * @param eventId the client-made idempotency key of this report
 * @param unitCode the unit that did it
 * @param planId the issued plan it implements
 * @param activityId the activity of that plan
 * @param date the day it was done (Asia/Ho_Chi_Minh)
 * @param quantities quantity per metric of the activity
 * @param evidence http(s) links to the evidence
 * @param budgetSpentVnd budget spent, whole VND; 0 when absent
 * @param reporter who reports, as plain text
 * @param note what the reporter adds in words, as plain text
 * @param correctsEventId the earlier report of the same unit this one replaces
 * @param retractsEventId the earlier report of the same unit this one withdraws
 * @param reason why the earlier report is withdrawn
 */
record ProgressRequest(@Nullable String eventId, @Nullable String unitCode, @Nullable String planId,
		@Nullable String activityId, @Nullable LocalDate date, @Nullable Map<String, @Nullable Long> quantities,
		@Nullable List<@Nullable String> evidence, @Nullable Long budgetSpentVnd, @Nullable String reporter,
		@Nullable String note, @Nullable String correctsEventId, @Nullable String retractsEventId,
		@Nullable String reason) {

}
