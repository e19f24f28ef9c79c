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
 * <h2>Which targets apply, and to whom</h2> A target with {@code appliesTo} is assigned
 * to every unit of that kind under the plan's issuer: for a unit of that kind it is
 * evaluated on the unit itself, for a higher unit over the units of that kind in its
 * subtree (coverage counts them, cadence counts their weeks, a quantity or an index must
 * be reached by each of them). A target without {@code appliesTo} is the issuer's: it is
 * evaluated on the issuer's figures, which roll up everything under it, when asked for
 * the issuer or a unit above it, and on a unit's own figures when asked for the unit in
 * charge of the target's activity (the radio station for "a weekly column"). Other units
 * do not see it.
 *
 * <h2>Unknown is not failed</h2> {@code met} is absent while the result cannot be known:
 * no published index value, a period that has not started, a target that is not reached
 * yet while its period is still running, or nothing to count. A cadence only counts the
 * stretches that are over, and the running one once it is met.
 *
 * <h2>One class per kind of target</h2> This class finds the scope and combines the
 * subjects' results; {@link CoverageTargets}, {@link CadenceTargets},
 * {@link QuantityTargets} and {@link IndexTargets} each evaluate one kind, on a
 * {@link PeriodEvaluation} shared by the plan's targets.
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
