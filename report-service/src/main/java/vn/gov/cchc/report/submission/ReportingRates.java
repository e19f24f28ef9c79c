package vn.gov.cchc.report.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.unit.Units;

import org.springframework.stereotype.Component;

/**
 * Reporting rates of a plan's period, per level and in all. "Expected" is the set of
 * {@link Obligations} (the tree valid on the period's end and the plan that asks for the
 * report), and "actual" and "on time" count only submissions of those obligations, so a
 * rate can never pass 100%: a unit that did not exist in the period owes nothing and a
 * submission nobody owes is not counted.
 */
@Component
public class ReportingRates {

	private final Units units;

	private final Periods periods;

	private final Submissions submissions;

	private final Clock clock;

	public ReportingRates(Units units, Periods periods, Submissions submissions, Clock clock) {
		this.units = units;
		this.periods = periods;
		this.submissions = submissions;
		this.clock = clock;
	}

	/**
	 * The rates of the plan's period, for the whole issuer or for one unit's subtree on
	 * the period's end day (the unit included; a unit not known has no subtree).
	 */
	public Rates of(PlanDetails plan, Period period, @Nullable String unitCode) {
		DatedUnitTree<UnitDetails> tree = this.units.tree();
		List<Obligation> owed = Obligations.owed(plan, period, tree, this.periods.calendar(plan.reporting()));
		if (unitCode != null) {
			Set<String> subtree = Obligations.subtree(tree, unitCode, period.end());
			owed = owed.stream().filter((obligation) -> subtree.contains(obligation.unit().code())).toList();
		}
		Map<String, Submission> byId = new HashMap<>();
		this.submissions.findAll(owed.stream().map(Obligation::submissionId).toList())
			.forEach((submission) -> byId.put(submission.id(), submission));
		return count(plan.planId(), period, unitCode, owed, byId,
				LocalDate.ofInstant(this.clock.instant(), ReportCompiler.VIETNAM));
	}

	/** The measures of the obligations given their submissions, as of today. */
	static Rates count(String planId, Period period, @Nullable String unitCode, List<Obligation> owed,
			Map<String, Submission> submissions, LocalDate today) {
		Map<UnitKind, int[]> byLevel = new EnumMap<>(UnitKind.class);
		int[] all = new int[3];
		List<Laggard> laggards = new ArrayList<>();
		for (Obligation obligation : owed) {
			Submission submission = submissions.get(obligation.submissionId());
			boolean actual = submission != null && submission.everSubmitted();
			boolean onTime = actual && !submission.late();
			int[] level = byLevel.computeIfAbsent(obligation.unit().kind(), (kind) -> new int[3]);
			for (int[] counts : List.of(level, all)) {
				counts[0]++;
				counts[1] += actual ? 1 : 0;
				counts[2] += onTime ? 1 : 0;
			}
			UnitDetails unit = obligation.unit();
			if (actual && submission.late()) {
				laggards.add(new Laggard(unit.code(), unit.name(), unit.kind(), obligation.dueDate(), "LATE",
						submission.status(),
						submission.firstSubmittedAt() != null
								? LocalDate.ofInstant(submission.firstSubmittedAt(), ReportCompiler.VIETNAM) : null,
						unit.contacts()));
			}
			else if (!actual && today.isAfter(obligation.dueDate())) {
				laggards.add(new Laggard(unit.code(), unit.name(), unit.kind(), obligation.dueDate(), "OVERDUE",
						(submission != null) ? submission.status() : null, null, unit.contacts()));
			}
		}
		List<LevelRate> levels = new ArrayList<>();
		byLevel.forEach(
				(kind, counts) -> levels.add(new LevelRate(kind, ReportingRate.of(counts[0], counts[1], counts[2]))));
		return new Rates(planId, period.id(), period.start(), period.end(), unitCode, levels,
				ReportingRate.of(all[0], all[1], all[2]), laggards);
	}

	/**
	 * A period's rates.
	 *
	 * @param planId the plan
	 * @param periodId the period
	 * @param periodStart its first day
	 * @param periodEnd its cut-off, the day whose tree decides who owes
	 * @param unitCode the unit whose subtree is counted, absent for the whole plan
	 * @param levels per level of reporting unit, from the top
	 * @param total every level together
	 * @param lateOrOverdue the units that submitted late or owe a report past its due
	 * date, with their contacts
	 */
	public record Rates(String planId, String periodId, LocalDate periodStart, LocalDate periodEnd,
			@Nullable String unitCode, List<LevelRate> levels, ReportingRate total, List<Laggard> lateOrOverdue) {

	}

	/**
	 * The rate of one level.
	 *
	 * @param level the kind of the reporting units
	 * @param rate its measures
	 */
	public record LevelRate(UnitKind level, ReportingRate rate) {

	}

	/**
	 * A unit that submitted late or has not submitted past its due date.
	 *
	 * @param unitCode the unit
	 * @param name its name
	 * @param kind its level
	 * @param dueDate its due date
	 * @param problem {@code LATE} or {@code OVERDUE}
	 * @param status its submission's status, absent if the round is not open
	 * @param submittedOn the day of its first submission, if any
	 * @param contacts where reminders go
	 */
	public record Laggard(String unitCode, String name, UnitKind kind, LocalDate dueDate, String problem,
			@Nullable SubmissionStatus status, @Nullable LocalDate submittedOn, UnitContacts contacts) {

	}

}
