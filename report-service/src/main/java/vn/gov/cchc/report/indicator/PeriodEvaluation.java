package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.PlanDetails.Target.Comparison;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.indicator.TargetScope.Subject;
import vn.gov.cchc.report.period.Period;

/**
 * The evaluation of one plan over one period: what every kind of target reads (the
 * subjects' figures, whether the period still runs) and how it builds its result, so that
 * each kind only says what it counts.
 *
 * @param plan the plan whose targets are evaluated
 * @param period the period evaluated
 * @param today the day in Vietnam the evaluation is made on
 * @param own the figures, own or rolled up, on the tree of the evaluation
 */
record PeriodEvaluation(PlanDetails plan, Period period, LocalDate today, OwnFigures own) {

	boolean running() {
		return !this.today.isAfter(this.period.end());
	}

	/**
	 * A result not reached yet while the period runs is unknown, not failed: the units
	 * have until the cut-off.
	 */
	TargetResult settle(TargetResult result) {
		if (Boolean.FALSE.equals(result.met()) && result.comparison() == Comparison.AT_LEAST && running()) {
			return new TargetResult(result.targetId(), result.description(), result.kind(), result.measure(),
					result.comparison(), result.threshold(), result.level(), result.actual(), result.actualLevel(),
					null, result.gap(), result.detail() + " (kỳ chưa kết thúc)", result.numerator(),
					result.denominator());
		}
		return result;
	}

	Map<String, Tally> byActivity(Subject subject) {
		return this.own.byActivity(subject.code(), this.plan.planId(), this.period.start(), this.period.end(),
				subject.rolledUp());
	}

	Tally tally(Subject subject, @Nullable String activityId) {
		Map<String, Tally> byActivity = byActivity(subject);
		if (activityId != null) {
			return byActivity.getOrDefault(activityId, Tally.ZERO);
		}
		return byActivity.values().stream().reduce(Tally.ZERO, Tally::plus);
	}

	static long count(Tally tally, @Nullable String metric) {
		return (metric != null) ? tally.quantity(metric) : tally.events();
	}

	/** What was reached, for a target that names no value to compare it with. */
	static TargetResult measured(Target target, BigDecimal actual, String detail, @Nullable Long numerator,
			@Nullable Long denominator) {
		return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
				target.comparison(), null, target.level(), actual, null, null, null, detail, numerator, denominator);
	}

	/** What was reached compared with the target's value. */
	static TargetResult compared(Target target, BigDecimal value, BigDecimal actual, boolean lowerIsBetter,
			String detail, @Nullable Long numerator, @Nullable Long denominator) {
		return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
				target.comparison(), value, target.level(), actual, null,
				Thresholds.met(actual, target.comparison(), value),
				Thresholds.gap(actual, target.comparison(), value, lowerIsBetter), detail, numerator, denominator);
	}

}
