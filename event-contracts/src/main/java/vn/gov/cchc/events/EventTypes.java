package vn.gov.cchc.events;

/**
 * CloudEvents {@code type} values. The version is part of the type: inside a version only
 * additive changes are allowed, a breaking change is a new type published beside the old.
 */
public final class EventTypes {

	public static final String PROGRESS_RECORDED_V1 = "vn.gov.cchc.progress.recorded.v1";

	public static final String UNIT_REGISTERED_V1 = "vn.gov.cchc.unit.registered.v1";

	public static final String UNIT_CHANGED_V1 = "vn.gov.cchc.unit.changed.v1";

	public static final String UNITS_MERGED_V1 = "vn.gov.cchc.units.merged.v1";

	public static final String UNITS_SPLIT_V1 = "vn.gov.cchc.units.split.v1";

	public static final String PLAN_ISSUED_V1 = "vn.gov.cchc.plan.issued.v1";

	public static final String PLAN_AMENDED_V1 = "vn.gov.cchc.plan.amended.v1";

	public static final String PLAN_CLOSED_V1 = "vn.gov.cchc.plan.closed.v1";

	public static final String PROGRESS_CORRECTED_V1 = "vn.gov.cchc.progress.corrected.v1";

	public static final String PROGRESS_RETRACTED_V1 = "vn.gov.cchc.progress.retracted.v1";

	/** An inbox record plan-service refused, on {@link Topics#PROGRESS_REJECTED}. */
	public static final String PROGRESS_REJECTED_V1 = "vn.gov.cchc.progress.rejected.v1";

	private EventTypes() {
	}

	/** A reporting round opened, on {@link Topics#SUBMISSIONS}. */
	public static final String PERIOD_OPENED_V1 = "vn.gov.cchc.period.opened.v1";

	public static final String SUBMISSION_DUE_V1 = "vn.gov.cchc.submission.due.v1";

	public static final String SUBMISSION_SUBMITTED_V1 = "vn.gov.cchc.submission.submitted.v1";

	public static final String SUBMISSION_APPROVED_V1 = "vn.gov.cchc.submission.approved.v1";

	public static final String SUBMISSION_RETURNED_V1 = "vn.gov.cchc.submission.returned.v1";

	public static final String SUBMISSION_OVERDUE_V1 = "vn.gov.cchc.submission.overdue.v1";

	/** A reminder message reached its provider, on {@link Topics#NOTIFICATIONS}. */
	public static final String REMINDER_SENT_V1 = "vn.gov.cchc.reminder.sent.v1";

	/** A reminder message failed on its channel, on {@link Topics#NOTIFICATIONS}. */
	public static final String REMINDER_FAILED_V1 = "vn.gov.cchc.reminder.failed.v1";

}
