package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.outbox.OutboxEvent;

/**
 * One unit's report for one plan and period, as stored in {@code submissions}
 * ({@code _id} = {@code <planId>:<periodId>:<unitCode>}).
 *
 * @param id {@code <planId>:<periodId>:<unitCode>}
 * @param planId the plan
 * @param periodId the period, e.g. {@code 2022-H1}
 * @param periodType its type
 * @param periodStart first day of its window
 * @param periodEnd its cut-off; the tree of this day decides who receives and who may act
 * @param unitCode the reporting unit
 * @param unitName its name when the round opened
 * @param unitKind its kind, the level it is counted in
 * @param receiverUnitCode who approves or returns it
 * @param escalationUnitCode who is told when it is late
 * @param dueDate the last day it is on time
 * @param status where it is in its life
 * @param revision optimistic-concurrency counter, one more for every edit and transition
 * @param version 0 while never submitted, 1 at the first submission, one more for each
 * resubmission
 * @param narrative what the officer wrote
 * @param figures live while {@code DRAFT} or {@code RETURNED}; from the submission on,
 * the figures as submitted, which never change again
 * @param children the children's submissions it consolidates
 * @param firstSubmittedAt when it was first submitted, which decides lateness
 * @param submittedAt when it was last submitted
 * @param late whether the first submission came after the due date (Asia/Ho_Chi_Minh)
 * @param approvedAt when it was approved
 * @param overdue whether the due date passed without a submission
 * @param revisionPending whether facts arrived for the period after its figures were
 * frozen
 * @param revisions the figures compiled beside the frozen ones, oldest first
 * @param audit every step, oldest first
 * @param pending events written and not yet known to be on {@code cchc.submissions}
 * @param openedAt when the round created it
 */
public record Submission(@JsonProperty("_id") String id, String planId, String periodId, PeriodType periodType,
		LocalDate periodStart, LocalDate periodEnd, String unitCode, String unitName, UnitKind unitKind,
		String receiverUnitCode, @Nullable String escalationUnitCode, LocalDate dueDate, SubmissionStatus status,
		long revision, int version, Narrative narrative, CompiledFigures figures, List<ChildSubmission> children,
		@Nullable Instant firstSubmittedAt, @Nullable Instant submittedAt, boolean late, @Nullable Instant approvedAt,
		boolean overdue, boolean revisionPending, List<Revision> revisions, List<AuditEntry> audit,
		List<OutboxEvent> pending, Instant openedAt) {

	public Submission {
		children = (children != null) ? List.copyOf(children) : List.of();
		revisions = (revisions != null) ? List.copyOf(revisions) : List.of();
		audit = (audit != null) ? List.copyOf(audit) : List.of();
		pending = (pending != null) ? List.copyOf(pending) : List.of();
		narrative = (narrative != null) ? narrative : Narrative.EMPTY;
	}

	/** The same submission showing the given figures. */
	public Submission withFigures(CompiledFigures compiled) {
		return new Submission(this.id, this.planId, this.periodId, this.periodType, this.periodStart, this.periodEnd,
				this.unitCode, this.unitName, this.unitKind, this.receiverUnitCode, this.escalationUnitCode,
				this.dueDate, this.status, this.revision, this.version, this.narrative, compiled, this.children,
				this.firstSubmittedAt, this.submittedAt, this.late, this.approvedAt, this.overdue, this.revisionPending,
				this.revisions, this.audit, this.pending, this.openedAt);
	}

	/** Whether it was submitted at least once (DHIS2's "actual"). */
	public boolean everSubmitted() {
		return this.firstSubmittedAt != null;
	}

}
