package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.SubmissionApproved;
import vn.gov.cchc.events.SubmissionReturned;
import vn.gov.cchc.events.SubmissionSubmitted;
import vn.gov.cchc.outbox.OutboxEvent;
import vn.gov.cchc.report.plan.Plans;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;

import com.mongodb.client.model.Updates;

import org.springframework.stereotype.Component;

/**
 * What people do to a submission: write the narrative, submit, approve, return. Each step
 * reads the submission, checks who may do it ({@link SubmissionPermissions}) and from
 * which status ({@link Action}), then makes one conditional single-document update
 * (filtered on the status and revision it read) that changes the state, appends the audit
 * entry and puts the event in the outbox. If someone else changed the submission in
 * between, the update matches nothing and the caller gets a 409; nothing is half-written.
 */
@Component
class SubmissionWorkflow {

	private final Submissions submissions;

	private final Plans plans;

	private final ReportCompiler compiler;

	private final SubmissionPermissions permissions;

	private final MeterRegistry meters;

	SubmissionWorkflow(Submissions submissions, Plans plans, Units units, ReportCompiler compiler,
			MeterRegistry meters) {
		this.submissions = submissions;
		this.plans = plans;
		this.compiler = compiler;
		this.permissions = new SubmissionPermissions(units::pathsOn);
		this.meters = meters;
	}

	/** The submission, if the caller may read it. */
	Submission read(Caller caller, String id) {
		Submission submission = find(id);
		if (!this.permissions.mayRead(caller, submission)) {
			throw SubmissionProblems.forbidden("id",
					"Chỉ cán bộ của đơn vị báo cáo, của các đơn vị cấp trên và của đơn vị nhận báo cáo, cùng người thẩm "
							+ "định và quản trị viên của tỉnh, mới được xem báo cáo này.");
		}
		// A report that can still be edited shows its figures as they are now; they are
		// compiled when read rather than rewritten on every fact.
		if (submission.status() == SubmissionStatus.DRAFT || submission.status() == SubmissionStatus.RETURNED) {
			Optional<PlanDetails> plan = this.plans.find(submission.planId());
			if (plan.isPresent()) {
				return submission.withFigures(this.compiler.compile(plan.get(), submission.unitCode(),
						submission.periodStart(), submission.periodEnd()));
			}
		}
		return submission;
	}

	/**
	 * Whether the caller may read the submission (for lists, which leave the rest out).
	 */
	boolean mayRead(Caller caller, Submission submission) {
		return this.permissions.mayRead(caller, submission);
	}

	Submission editNarrative(Caller caller, String id, Narrative narrative, long revision) {
		Submission submission = checked(caller, Action.EDIT_NARRATIVE, id);
		if (submission.revision() != revision) {
			throw SubmissionProblems.stale(revision, submission.revision());
		}
		Instant now = this.compiler.clock().instant();
		List<Bson> changes = new ArrayList<>();
		changes.add(Updates.set("narrative", this.submissions.document(narrative)));
		return apply(submission, Action.EDIT_NARRATIVE, caller, now, null, changes, null);
	}

	Submission submit(Caller caller, String id) {
		Submission submission = checked(caller, Action.SUBMIT, id);
		if (submission.narrative().results().isBlank()) {
			throw SubmissionProblems.incomplete("narrative.results", "Chưa viết phần kết quả đạt được");
		}
		PlanDetails plan = this.plans.find(submission.planId())
			.orElseThrow(() -> new IllegalStateException("Plan " + submission.planId() + " of " + id + " is gone"));
		Instant now = this.compiler.clock().instant();
		// The first submission decides lateness; a resubmission after a return keeps it.
		Instant first = (submission.firstSubmittedAt() != null) ? submission.firstSubmittedAt() : now;
		boolean late = submission.everSubmitted() ? submission.late() : isLate(now, submission.dueDate());
		int version = submission.version() + 1;
		CompiledFigures frozen = this.compiler.compile(plan, submission.unitCode(), submission.periodStart(),
				submission.periodEnd());
		List<Bson> changes = new ArrayList<>();
		changes.add(Updates.set("version", version));
		changes.add(Updates.set("figures", this.submissions.document(frozen)));
		changes.add(Updates.set("submittedAt", now.toString()));
		changes.add(Updates.set("firstSubmittedAt", first.toString()));
		changes.add(Updates.set("late", late));
		// The figures just frozen include every fact so far: nothing is pending any more.
		changes.add(Updates.set("revisionPending", false));
		SubmissionSubmitted event = new SubmissionSubmitted(id, submission.unitCode(), submission.planId(),
				submission.periodId(), submission.periodType(), version, submission.dueDate(), late, caller.user(),
				now);
		String comment = "Phiên bản " + version + (late ? ", nộp muộn (hạn " + submission.dueDate() + ")" : "");
		return apply(submission, Action.SUBMIT, caller, now, comment, changes, SubmissionEvents.submitted(event));
	}

	Submission approve(Caller caller, String id) {
		Submission submission = checked(caller, Action.APPROVE, id);
		Instant now = this.compiler.clock().instant();
		SubmissionApproved event = new SubmissionApproved(id, submission.unitCode(), submission.planId(),
				submission.periodId(), submission.periodType(), submission.version(), caller.user(), now);
		return apply(submission, Action.APPROVE, caller, now, "Phiên bản " + submission.version(),
				List.of(Updates.set("approvedAt", now.toString())), SubmissionEvents.approved(event));
	}

	Submission returnForFixing(Caller caller, String id, String comment) {
		Submission submission = checked(caller, Action.RETURN, id);
		Instant now = this.compiler.clock().instant();
		SubmissionReturned event = new SubmissionReturned(id, submission.unitCode(), submission.planId(),
				submission.periodId(), submission.periodType(), submission.version(), caller.user(), comment, now);
		return apply(submission, Action.RETURN, caller, now, comment, List.of(), SubmissionEvents.returned(event));
	}

	/**
	 * Whether a submission made at the instant is late for the due date (a day in
	 * Vietnam).
	 */
	static boolean isLate(Instant submittedAt, LocalDate dueDate) {
		return LocalDate.ofInstant(submittedAt, ReportCompiler.VIETNAM).isAfter(dueDate);
	}

	private Submission find(String id) {
		return this.submissions.find(id).orElseThrow(() -> SubmissionProblems.unknownSubmission(id));
	}

	/** The submission, if the caller may take the action and its status allows it. */
	private Submission checked(Caller caller, Action action, String id) {
		Submission submission = find(id);
		if (!this.permissions.may(caller, action, submission)) {
			throw SubmissionProblems.forbidden("id", SubmissionPermissions.rule(action));
		}
		if (!action.allowedFrom(submission.status())) {
			throw SubmissionProblems.wrongState(action, submission.status());
		}
		return submission;
	}

	private Submission apply(Submission submission, Action action, Caller caller, Instant now, @Nullable String comment,
			List<Bson> changes, @Nullable OutboxEvent event) {
		SubmissionStatus to = action.target(submission.status());
		List<Bson> update = new ArrayList<>(changes);
		update.add(Updates.set("status", to.name()));
		update.add(Updates.inc("revision", 1L));
		update.add(Updates.push("audit", this.submissions
			.document(AuditEntry.by(caller, now, action.name(), submission.status(), to, comment))));
		if (event != null) {
			update.add(Updates.push("pending", this.submissions.document(event)));
		}
		if (!this.submissions.update(submission.id(), submission.status(), submission.revision(), update)) {
			Submission current = find(submission.id());
			if (!action.allowedFrom(current.status())) {
				throw SubmissionProblems.wrongState(action, current.status());
			}
			throw SubmissionProblems.concurrentChange();
		}
		Counter.builder("cchc.submissions.transitions")
			.description("Steps taken on submissions, by action")
			.tag("action", action.name())
			.register(this.meters)
			.increment();
		return find(submission.id());
	}

}
