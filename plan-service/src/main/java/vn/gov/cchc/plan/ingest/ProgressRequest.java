package vn.gov.cchc.plan.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.plan.validation.BudgetVnd;
import vn.gov.cchc.plan.validation.Day;
import vn.gov.cchc.plan.validation.HttpUrl;
import vn.gov.cchc.plan.validation.Metric;
import vn.gov.cchc.plan.validation.Text;
import vn.gov.cchc.plan.validation.UnitCode;

/**
 * A progress report as sent to {@code POST /api/v1/progress}, as one item of
 * {@code POST /api/v1/progress:batch}, or as the value of a record on
 * {@code cchc.progress.inbox}. Everything is nullable so that
 * {@link ProgressRequestValidator} can name every missing field at once; the annotations
 * are the rules of its shape, in the group of the kind of report they apply to (the
 * default group to every kind). Values of the wrong JSON type are refused while reading
 * (see the strict {@code spring.jackson} settings). Unknown fields are ignored.
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
record ProgressRequest(
		@NotBlank @Pattern(regexp = ProgressRequest.EVENT_ID, message = "{progress.eventId}") @Nullable String eventId,
		@NotBlank @UnitCode @Nullable String unitCode,
		@NotBlank(groups = ProgressRequest.Values.class) @Text(max = 64, lineBreaks = false) @Pattern(
				regexp = ProgressRequest.ID, message = "{progress.id.blankEnds}") @Nullable String planId,
		@NotBlank(groups = ProgressRequest.Values.class) @Text(max = 64, lineBreaks = false) @Pattern(
				regexp = ProgressRequest.ID, message = "{progress.id.blankEnds}") @Nullable String activityId,
		@NotNull(groups = ProgressRequest.Values.class) @Day(max = "", message = "{progress.date.tooEarly}",
				groups = ProgressRequest.Values.class) @Day(min = "", max = Day.TOMORROW,
						message = "{progress.date.tooLate}",
						groups = ProgressRequest.Values.class) @Null(message = ProgressRequest.NOT_IN_RETRACTION,
								groups = ProgressRequest.Retraction.class) @Nullable LocalDate date,
		@NotNull(groups = ProgressRequest.Values.class) @Size(min = 1, message = "{progress.quantities.empty}",
				groups = ProgressRequest.Values.class) @Null(message = ProgressRequest.NOT_IN_RETRACTION,
						groups = ProgressRequest.Retraction.class) @Nullable Map<@Metric(message = "{progress.metric}",
								groups = ProgressRequest.Values.class) String, @NotNull(
										message = "{progress.quantity.required}",
										groups = ProgressRequest.Values.class) @Min(value = 0,
												message = "{progress.quantity.range}",
												groups = ProgressRequest.Values.class) @Max(value = 1_000_000_000L,
														message = "{progress.quantity.range}",
														groups = ProgressRequest.Values.class) @Nullable Long> quantities,
		@Size(max = 20, message = "{progress.evidence.size}", groups = ProgressRequest.Values.class) @Null(
				message = ProgressRequest.NOT_IN_RETRACTION,
				groups = ProgressRequest.Retraction.class) @Nullable List<@NotNull(message = "{progress.evidence.link}",
						groups = ProgressRequest.Values.class) @Size(max = 2000, message = "{progress.evidence.length}",
								groups = ProgressRequest.Values.class) @HttpUrl(message = "{progress.evidence.link}",
										groups = ProgressRequest.Values.class) @Nullable String> evidence,
		@BudgetVnd(groups = ProgressRequest.Values.class) @Null(message = ProgressRequest.NOT_IN_RETRACTION,
				groups = ProgressRequest.Retraction.class) @Nullable Long budgetSpentVnd,
		@NotBlank @Text(max = 200, lineBreaks = false) @Nullable String reporter,
		@Text(max = 2000) @Nullable String note,
		@Pattern(regexp = ProgressRequest.EVENT_ID, message = "{progress.eventId}",
				groups = ProgressRequest.Values.class) @Nullable String correctsEventId,
		@Pattern(regexp = ProgressRequest.EVENT_ID, message = "{progress.eventId}",
				groups = ProgressRequest.Retraction.class) @Nullable String retractsEventId,
		@NotBlank(groups = ProgressRequest.Retraction.class) @Text(max = 2000) @Null(
				message = "{progress.reason.notRetraction}",
				groups = ProgressRequest.Values.class) @Nullable String reason) {

	static final String EVENT_ID = "^[A-Za-z0-9._:-]{8,64}$";

	/** No blanks around an id: they would make another id that looks the same. */
	static final String ID = "^\\S(.*\\S)?$";

	static final String NOT_IN_RETRACTION = "{progress.notInRetraction}";

	/** The rules of a new report or a correction: it carries values. */
	interface Values {

	}

	/**
	 * The rules of a retraction: it carries no values of its own, since values sent with
	 * it would suggest a correction, so they are refused rather than silently dropped.
	 */
	interface Retraction {

	}

}
