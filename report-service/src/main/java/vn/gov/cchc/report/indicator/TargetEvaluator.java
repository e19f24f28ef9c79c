package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.indicator.TargetScope.Subject;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.unit.Units;

import org.springframework.stereotype.Component;

/**
 * Evaluates a plan's targets for a unit and a period, on the tree valid at the period's
 * end and the figures of the period's days.
 *
 * <p>
 * Why: docs/reporting.md, "How targets are evaluated (TargetEvaluator)".
 */
@Component
public class TargetEvaluator {

	/** Dates are days in Vietnam. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final CoverageTargets coverage = new CoverageTargets();

	private final CadenceTargets cadence = new CadenceTargets();

	private final QuantityTargets quantity = new QuantityTargets();

	private final IndexTargets index;

	private final Units units;

	private final Figures figures;

	private final Clock clock;

	public TargetEvaluator(Units units, Figures figures, Indexes indexes, Clock clock) {
		this.units = units;
		this.figures = figures;
		this.index = new IndexTargets(indexes);
		this.clock = clock;
	}

	/**
	 * The plan's targets that apply to the unit, in the plan's order, evaluated over the
	 * period.
	 */
	public List<TargetResult> evaluate(PlanDetails plan, String unitCode, Period period) {
		return evaluate(plan, unitCode, period, this.units.tree());
	}

	/** {@link #evaluate(PlanDetails, String, Period)} on a tree already read. */
	public List<TargetResult> evaluate(PlanDetails plan, String unitCode, Period period,
			DatedUnitTree<UnitDetails> tree) {
		PeriodEvaluation evaluation = new PeriodEvaluation(plan, period,
				LocalDate.ofInstant(this.clock.instant(), ZONE), new OwnFigures(this.figures, tree));
		List<TargetResult> results = new ArrayList<>();
		for (Target target : plan.targets()) {
			TargetScope scope = TargetScope.of(plan, target, unitCode, tree, period.end());
			if (scope != null) {
				results.add(evaluate(target, scope, evaluation));
			}
		}
		return results;
	}

	private TargetResult evaluate(Target target, TargetScope scope, PeriodEvaluation evaluation) {
		if (target.kind() != Target.Kind.INDEX && evaluation.today().isBefore(evaluation.period().start())) {
			return TargetResult.unknown(target, "Kỳ " + evaluation.period().id() + " chưa bắt đầu");
		}
		return switch (target.kind()) {
			case COVERAGE -> this.coverage.evaluate(target, scope, evaluation);
			case CADENCE -> this.cadence.evaluate(target, scope, evaluation);
			case QUANTITY ->
				perSubject(target, scope, (subject) -> this.quantity.evaluate(target, subject, evaluation));
			case INDEX -> perSubject(target, scope, (subject) -> this.index.evaluate(target, subject, evaluation));
		};
	}

	/**
	 * Evaluates a target each subject must reach on its own; with several subjects the
	 * result is the share of subjects that reached it, met when all did, and the gap is
	 * the worst subject's.
	 */
	private static TargetResult perSubject(Target target, TargetScope scope,
			Function<Subject, TargetResult> evaluation) {
		List<Subject> subjects = scope.subjects();
		if (subjects.size() == 1) {
			return evaluation.apply(subjects.get(0));
		}
		List<TargetResult> each = subjects.stream().map(evaluation).toList();
		long met = each.stream().filter((result) -> Boolean.TRUE.equals(result.met())).count();
		long failed = each.stream().filter((result) -> Boolean.FALSE.equals(result.met())).count();
		long all = each.size();
		BigDecimal worstGap = each.stream()
			.map(TargetResult::gap)
			.filter((gap) -> gap != null)
			.min(BigDecimal::compareTo)
			.orElse(null);
		Boolean allMet = (met == all) ? Boolean.TRUE : (failed > 0) ? Boolean.FALSE : null;
		String detail = met + "/" + all + " " + TargetScope.kindName(target.appliesTo()) + " đạt"
				+ ((all - met - failed > 0) ? ", " + (all - met - failed) + " chưa xác định" : "");
		return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
				target.comparison(), target.value(), target.level(), Thresholds.percent(met, all), null, allMet,
				worstGap, detail, met, all);
	}

}
