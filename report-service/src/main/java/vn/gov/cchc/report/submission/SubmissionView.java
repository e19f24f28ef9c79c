package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.UnitKind;

/**
 * A submission as the API shows it: without the outbox, with its children's statuses as
 * they are now.
 *
 * @param id the submission id
 * @param planId the plan
 * @param periodId the period
 * @param periodType its type
 * @param periodStart first day of the period's window
 * @param periodEnd its cut-off
 * @param unitCode the reporting unit
 * @param unitName its name
 * @param unitKind its level
 * @param receiverUnitCode who approves or returns it
 * @param status its status
 * @param statusLabel the status in Vietnamese
 * @param revision send it back with a narrative edit
 * @param version how many times it was submitted
 * @param dueDate the last day on time
 * @param late whether the first submission was late
 * @param overdue whether the due date passed without a submission
 * @param submittedAt the last submission
 * @param approvedAt the approval
 * @param narrative what the officer wrote
 * @param figures live while it can be edited, frozen from the submission on
 * @param children the children's submissions and their statuses
 * @param revisionPending whether facts arrived after the figures were frozen
 * @param revisions the figures compiled since, oldest first
 * @param audit every step, oldest first
 */
record SubmissionView(String id, String planId, String periodId, PeriodType periodType, LocalDate periodStart,
		LocalDate periodEnd, String unitCode, String unitName, UnitKind unitKind, String receiverUnitCode,
		SubmissionStatus status, String statusLabel, long revision, int version, LocalDate dueDate, boolean late,
		boolean overdue, @Nullable Instant submittedAt, @Nullable Instant approvedAt, Narrative narrative,
		CompiledFigures figures, List<ChildView> children, boolean revisionPending, List<Revision> revisions,
		List<AuditEntry> audit) {

	static SubmissionView of(Submission submission, List<Submission> children) {
		List<ChildView> childViews = submission.children().stream().map((child) -> {
			Submission found = children.stream()
				.filter((candidate) -> candidate.id().equals(child.submissionId()))
				.findFirst()
				.orElse(null);
			return new ChildView(child.submissionId(), child.unitCode(), child.unitName(), child.unitKind(),
					(found != null) ? found.status() : null, (found != null) && found.late(),
					(found != null) ? found.submittedAt() : null);
		}).toList();
		return new SubmissionView(submission.id(), submission.planId(), submission.periodId(), submission.periodType(),
				submission.periodStart(), submission.periodEnd(), submission.unitCode(), submission.unitName(),
				submission.unitKind(), submission.receiverUnitCode(), submission.status(), submission.status().label(),
				submission.revision(), submission.version(), submission.dueDate(), submission.late(),
				submission.overdue(), submission.submittedAt(), submission.approvedAt(), submission.narrative(),
				submission.figures(), childViews, submission.revisionPending(), submission.revisions(),
				submission.audit());
	}

	/**
	 * A child's submission as the parent sees it.
	 *
	 * @param submissionId the child's submission
	 * @param unitCode the child
	 * @param unitName its name
	 * @param unitKind its level
	 * @param status its status now
	 * @param late whether it was submitted late
	 * @param submittedAt its last submission
	 */
	record ChildView(String submissionId, String unitCode, String unitName, UnitKind unitKind,
			@Nullable SubmissionStatus status, boolean late, @Nullable Instant submittedAt) {

	}

	/**
	 * One line of a list.
	 *
	 * @param id the submission id
	 * @param unitCode the reporting unit
	 * @param unitName its name
	 * @param unitKind its level
	 * @param periodId the period
	 * @param status its status
	 * @param statusLabel the status in Vietnamese
	 * @param version how many times it was submitted
	 * @param dueDate the last day on time
	 * @param late whether the first submission was late
	 * @param overdue whether the due date passed without a submission
	 * @param revisionPending whether facts arrived after the figures were frozen
	 * @param submittedAt the last submission
	 */
	record Summary(String id, String unitCode, String unitName, UnitKind unitKind, String periodId,
			SubmissionStatus status, String statusLabel, int version, LocalDate dueDate, boolean late, boolean overdue,
			boolean revisionPending, @Nullable Instant submittedAt) {

		static Summary of(Submission submission) {
			return new Summary(submission.id(), submission.unitCode(), submission.unitName(), submission.unitKind(),
					submission.periodId(), submission.status(), submission.status().label(), submission.version(),
					submission.dueDate(), submission.late(), submission.overdue(), submission.revisionPending(),
					submission.submittedAt());
		}

	}

}
