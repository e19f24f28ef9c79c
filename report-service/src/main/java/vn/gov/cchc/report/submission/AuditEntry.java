package vn.gov.cchc.report.submission;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.security.Caller;

/**
 * One step in a submission's life, kept for good in the order it happened.
 *
 * @param at when (UTC)
 * @param actor who: the login of the person's access token ({@code sub}), or
 * {@code hệ thống} for the service's own steps
 * @param actorName the person's display name as the token gives it ({@code name}), or
 * {@code hệ thống} for the service's own steps; absent in entries written before access
 * tokens
 * @param unit the unit the person acted for (the token's {@code unit}), absent for the
 * service's own steps
 * @param action what was done: {@code OPEN}, {@code EDIT_NARRATIVE}, {@code SUBMIT},
 * {@code RETURN}, {@code APPROVE}, {@code OVERDUE}, {@code REVISION}
 * @param from the status before
 * @param to the status after
 * @param comment the reviewer's comment of a return, the reason of a revision
 */
public record AuditEntry(Instant at, String actor, @Nullable String actorName, @Nullable String unit, String action,
		SubmissionStatus from, SubmissionStatus to, @Nullable String comment) {

	/** The name the service's own steps are recorded under. */
	public static final String SYSTEM = "hệ thống";

	/** A step a person took, as their access token names them. */
	static AuditEntry by(Caller caller, Instant at, String action, SubmissionStatus from, SubmissionStatus to,
			@Nullable String comment) {
		return new AuditEntry(at, caller.user(), caller.name(), caller.unitCode(), action, from, to, comment);
	}

	/** A step the service took by itself. */
	static AuditEntry bySystem(Instant at, String action, SubmissionStatus from, SubmissionStatus to,
			@Nullable String comment) {
		return new AuditEntry(at, SYSTEM, SYSTEM, null, action, from, to, comment);
	}

}
