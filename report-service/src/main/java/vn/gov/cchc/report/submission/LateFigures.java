package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.figures.FiguresChanged;
import vn.gov.cchc.report.figures.FiguresWritten;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.period.ReportingCalendar;
import vn.gov.cchc.report.plan.Plans;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps submitted and approved reports honest after the counting changed their figures:
 * marks them {@code revisionPending} and stores a revision beside them.
 *
 * <p>
 * Why: docs/reporting.md, "Figures that change after a submission (LateFigures)".
 */
@Component
class LateFigures {

	private static final Logger logger = LoggerFactory.getLogger(LateFigures.class);

	private static final Set<SubmissionStatus> FROZEN = EnumSet.of(SubmissionStatus.SUBMITTED,
			SubmissionStatus.APPROVED);

	private final Plans plans;

	private final Periods periods;

	private final Submissions submissions;

	private final ReportCompiler compiler;

	private final Counter revised;

	private final Counter failures;

	LateFigures(Plans plans, Periods periods, Submissions submissions, ReportCompiler compiler, MeterRegistry meters) {
		this.plans = plans;
		this.periods = periods;
		this.submissions = submissions;
		this.compiler = compiler;
		this.revised = Counter.builder("cchc.submissions.revisions")
			.description("Revisions compiled beside submitted or approved reports after late facts")
			.register(meters);
		this.failures = Counter.builder("cchc.submissions.revision.failures")
			.description("Changes of figures that could not be carried to the submissions")
			.register(meters);
	}

	@EventListener
	void figuresWritten(FiguresWritten written) {
		try {
			apply(written.changes());
		}
		catch (RuntimeException ex) {
			this.failures.increment();
			logger.error("Could not carry {} changed figures documents to the submissions", written.changes().size(),
					ex);
		}
	}

	/** Carries the change to the submissions it concerns. */
	void apply(FiguresChanged change) {
		apply(List.of(change));
	}

	/**
	 * Carries a batch of changes to the submissions they concern, with one read of the
	 * submissions per plan.
	 */
	void apply(List<FiguresChanged> changes) {
		Map<String, List<FiguresChanged>> byPlan = new LinkedHashMap<>();
		changes.forEach((change) -> byPlan.computeIfAbsent(change.planId(), (id) -> new ArrayList<>()).add(change));
		byPlan.forEach((planId, planChanges) -> this.plans.find(planId).ifPresent((plan) -> apply(plan, planChanges)));
	}

	private void apply(PlanDetails plan, List<FiguresChanged> changes) {
		ReportingCalendar calendar = this.periods.calendar(plan.reporting());
		Map<String, String> changeOf = new LinkedHashMap<>();
		for (FiguresChanged change : changes) {
			for (LocalDate date : change.dates()) {
				for (PeriodType type : plan.reporting().periods()) {
					Period period = calendar.periodOf(type, date);
					if (period.reported()) {
						change.unitCodes()
							.forEach((unitCode) -> changeOf.putIfAbsent(
									Obligation.submissionId(plan.planId(), period.id(), unitCode), change.changeId()));
					}
				}
			}
		}
		if (changeOf.isEmpty()) {
			return;
		}
		for (Submission submission : this.submissions.findAll(changeOf.keySet(), FROZEN)) {
			revise(submission, this.compiler.compile(plan, submission.unitCode(), submission.periodStart(),
					submission.periodEnd()), changeOf.get(submission.id()));
		}
	}

	private void revise(Submission submission, CompiledFigures now, String changeId) {
		Instant at = now.compiledAt();
		AuditEntry entry = AuditEntry.bySystem(at, "REVISION", submission.status(), submission.status(),
				Revision.LATE_FIGURES + " (" + changeId + ")");
		// Filtered on any frozen status: an approval in between must not lose the
		// revision.
		boolean changed = this.submissions.updateIf(submission.id(), FROZEN, Filters.ne("revisions.changeId", changeId),
				List.of(Updates.set("revisionPending", true),
						Updates.push("revisions",
								this.submissions.document(new Revision(now, changeId, Revision.LATE_FIGURES))),
						Updates.push("audit", this.submissions.document(entry))));
		if (changed) {
			this.revised.increment();
			logger.info("Submission {} ({}) has a revision after fact {}", submission.id(), submission.status(),
					changeId);
		}
	}

}
