package vn.gov.cchc.report.submission;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step in a submission's life, kept for good in the order it happened.
 *
 * @param at when (UTC)
 * @param actor who: the person's login as the gateway forwarded it, or {@code hệ thống}
 * for the service's own steps
 * @param unit the unit the person acted for, absent for the service's own steps
 * @param action what was done: {@code OPEN}, {@code EDIT_NARRATIVE}, {@code SUBMIT},
 * {@code RETURN}, {@code APPROVE}, {@code OVERDUE}, {@code REVISION}
 * @param from the status before
 * @param to the status after
 * @param comment the reviewer's comment of a return, the reason of a revision
 */
public record AuditEntry(Instant at, String actor, @Nullable String unit, String action, SubmissionStatus from,
		SubmissionStatus to, @Nullable String comment) {

	/** The name the service's own steps are recorded under. */
	public static final String SYSTEM = "hệ thống";

}
