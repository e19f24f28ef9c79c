package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PeriodOpened;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.SubmissionDue;
import vn.gov.cchc.events.SubmissionOverdue;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.period.ReportingCalendar;
import vn.gov.cchc.report.plan.Plans;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Opens reporting rounds and marks drafts overdue.
 * <p>
 * <b>Opening</b> a plan's period whose cut-off has passed makes one draft per unit that
 * owes the report ({@link Obligations}), each inserted with its {@code SubmissionDue} in
 * its outbox, then the round document with its {@code PeriodOpened}. Every insert is by a
 * unique {@code _id}, and a duplicate key means "already done": two instances opening the
 * same round at once, or an opening interrupted half-way and run again, make every draft
 * and every event exactly once. The round is written last, so a round that exists is
 * complete and the scan stops looking at it.
 * <p>
 * <b>Overdue</b>: a draft whose due date passed (in Vietnam) is marked once, by an update
 * filtered on the mark being absent, with its {@code SubmissionOverdue} in the same
 * update.
 */
@Component
class SubmissionRounds {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionRounds.class);

	private final Plans plans;

	private final Units units;

	private final Periods periods;

	private final Submissions submissions;

	private final ReportCompiler compiler;

	private final Counter opened;

	private final Counter overdue;

	SubmissionRounds(Plans plans, Units units, Periods periods, Submissions submissions, ReportCompiler compiler,
			MeterRegistry meters) {
		this.plans = plans;
		this.units = units;
		this.periods = periods;
		this.submissions = submissions;
		this.compiler = compiler;
		this.opened = Counter.builder("cchc.submissions.rounds.opened")
			.description("Reporting rounds opened by this instance")
			.register(meters);
		this.overdue = Counter.builder("cchc.submissions.overdue")
			.description("Drafts marked overdue by this instance")
			.register(meters);
	}

	/**
	 * Opens the plan's period at a person's request.
	 * @param plan the plan
	 * @param period one of its reported periods, whose cut-off has passed
	 * @param openedBy who asked, as their access token names them
	 * @return what the round holds and whether this call opened it
	 */
	Opening open(PlanDetails plan, Period period, Caller openedBy) {
		return open(plan, period, openedBy.user(), (now, comment) -> AuditEntry.by(openedBy, now, "OPEN",
				SubmissionStatus.DRAFT, SubmissionStatus.DRAFT, comment));
	}

	/**
	 * Opens the plan's period for the scheduled job.
	 */
	Opening openOnSchedule(PlanDetails plan, Period period) {
		return open(plan, period, AuditEntry.SYSTEM, (now, comment) -> AuditEntry.bySystem(now, "OPEN",
				SubmissionStatus.DRAFT, SubmissionStatus.DRAFT, comment));
	}

	/**
	 * Opens the plan's period, each draft starting with the audit entry of its opening.
	 * @param openedBy the login of who asked, or {@link AuditEntry#SYSTEM}
	 * @param opening the audit entry of each draft's opening, given the instant and the
	 * comment
	 */
	private Opening open(PlanDetails plan, Period period, String openedBy,
			BiFunction<Instant, String, AuditEntry> opening) {
		Optional<Round> existing = this.submissions.findRound(plan.planId(), period.id());
		if (existing.isPresent()) {
			return new Opening(plan.planId(), period.id(), existing.get().submissionIds().size(), 0, false);
		}
		ReportingCalendar calendar = this.periods.calendar(plan.reporting());
		DatedUnitTree<UnitDetails> tree = this.units.tree();
		List<Obligation> owed = Obligations.owed(plan, period, tree, calendar);
		Set<String> owing = new HashSet<>();
		owed.forEach((obligation) -> owing.add(obligation.unit().code()));
		Instant now = this.compiler.clock().instant();
		int created = 0;
		for (Obligation obligation : owed) {
			if (this.submissions.insert(draft(plan, obligation, tree, owing, opening, now))) {
				created++;
			}
		}
		PeriodOpened event = new PeriodOpened(plan.planId(), period.id(), period.type(), period.start(), period.end(),
				plan.reporting().receiverUnitCode(), owed.size(), now);
		Round round = new Round(Round.id(plan.planId(), period.id()), plan.planId(), period.id(),
				owed.stream().map(Obligation::submissionId).toList(), now, openedBy, null,
				List.of(SubmissionEvents.periodOpened(event)));
		boolean first = this.submissions.insertRound(round);
		if (first) {
			this.opened.increment();
			logger.info("Opened round {} of plan {}: {} reports owed, {} drafts made here", period.id(), plan.planId(),
					owed.size(), created);
		}
		return new Opening(plan.planId(), period.id(), owed.size(), created, first);
	}

	private Submission draft(PlanDetails plan, Obligation obligation, DatedUnitTree<UnitDetails> tree,
			Set<String> owing, BiFunction<Instant, String, AuditEntry> opening, Instant now) {
		Period period = obligation.period();
		UnitDetails unit = obligation.unit();
		List<ChildSubmission> children = new ArrayList<>();
		for (UnitDetails child : tree.childrenOn(unit.code(), period.end())) {
			if (owing.contains(child.code())) {
				children.add(new ChildSubmission(Obligation.submissionId(plan.planId(), period.id(), child.code()),
						child.code(), child.name(), child.kind()));
			}
		}
		SubmissionDue due = new SubmissionDue(obligation.submissionId(), unit.code(), plan.planId(), period.id(),
				period.type(), period.end(), obligation.dueDate(), obligation.receiverUnitCode(),
				obligation.escalationUnitCode(), now);
		AuditEntry opened = opening.apply(now, "Mở kỳ báo cáo " + period.id() + ", hạn nộp " + obligation.dueDate());
		return new Submission(obligation.submissionId(), plan.planId(), period.id(), period.type(), period.start(),
				period.end(), unit.code(), unit.name(), unit.kind(), obligation.receiverUnitCode(),
				obligation.escalationUnitCode(), obligation.dueDate(), SubmissionStatus.DRAFT, 0, 0, Narrative.EMPTY,
				this.compiler.compile(plan, unit.code(), period.start(), period.end()), children, null, null, false,
				null, false, false, List.of(), List.of(opened), List.of(SubmissionEvents.due(due)), now);
	}

	/**
	 * One pass of the scheduled job: opens every reported period of every plan whose
	 * cut-off is before today, and marks the drafts of open rounds whose due date is
	 * before today overdue.
	 */
	void scan() {
		LocalDate today = this.compiler.today();
		for (PlanDetails plan : this.plans.all()) {
			try {
				ReportingCalendar calendar = this.periods.calendar(plan.reporting());
				for (Period period : Obligations.reportedPeriods(plan, calendar)) {
					if (!period.end().isBefore(today)) {
						continue;
					}
					Optional<Round> round = this.submissions.findRound(plan.planId(), period.id());
					if (round.isEmpty()) {
						openOnSchedule(plan, period);
						round = this.submissions.findRound(plan.planId(), period.id());
					}
					round.filter((found) -> found.settledAt() == null).ifPresent((found) -> markOverdue(found, today));
				}
			}
			catch (RuntimeException ex) {
				// One plan's bad regime or missing unit must not stop the others' rounds.
				logger.warn("Could not open or check the rounds of plan {}: {}", plan.planId(), ex.toString());
			}
		}
	}

	/**
	 * Marks the round's drafts whose due date is before today overdue; once every due
	 * date has passed, the round is settled and not looked at again.
	 */
	void markOverdue(Round round, LocalDate today) {
		boolean allPassed = true;
		Instant now = this.compiler.clock().instant();
		for (Submission submission : this.submissions.findAll(round.submissionIds())) {
			if (!submission.dueDate().isBefore(today)) {
				allPassed = false;
				continue;
			}
			if (submission.status() != SubmissionStatus.DRAFT || submission.overdue()) {
				continue;
			}
			SubmissionOverdue event = new SubmissionOverdue(submission.id(), submission.unitCode(), submission.planId(),
					submission.periodId(), submission.periodType(), submission.dueDate(),
					submission.escalationUnitCode(), now);
			AuditEntry entry = AuditEntry.bySystem(now, "OVERDUE", SubmissionStatus.DRAFT, SubmissionStatus.DRAFT,
					"Quá hạn nộp " + submission.dueDate());
			if (this.submissions.updateIf(submission.id(), List.of(SubmissionStatus.DRAFT), Filters.ne("overdue", true),
					List.of(Updates.set("overdue", true), Updates.push("audit", this.submissions.document(entry)),
							Updates.push("pending", this.submissions.document(SubmissionEvents.overdue(event)))))) {
				this.overdue.increment();
			}
		}
		if (allPassed) {
			this.submissions.roundSettled(round.id(), now);
		}
	}

	/**
	 * What an opening did.
	 *
	 * @param planId the plan
	 * @param periodId the period
	 * @param expectedReports how many units owe a report
	 * @param draftsCreated how many drafts this call made (0 when already open)
	 * @param opened whether this call opened the round
	 */
	record Opening(String planId, String periodId, int expectedReports, int draftsCreated, boolean opened) {

	}

}
