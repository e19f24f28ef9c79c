package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import vn.gov.cchc.events.PlanDetails.Activity;
import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.PlanDetails.Target.Measure;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.indicator.Rhythm.Stretch;
import vn.gov.cchc.report.indicator.TargetScope.Subject;

/**
 * Cadence targets: a recurring activity done enough times (and minutes) in each week,
 * month or quarter of the period. Counted per subject and stretch from the daily figures,
 * because a total over the period would hide the weeks that were missed.
 */
final class CadenceTargets {

	private static final String BROADCASTS = "broadcasts";

	private static final String MINUTES = "minutes";

	TargetResult evaluate(Target target, TargetScope scope, PeriodEvaluation evaluation) {
		Activity activity = TargetScope.activity(evaluation.plan(), target.activityId());
		if (activity == null) {
			return TargetResult.unknown(target, "Chỉ tiêu không gắn với hoạt động nào của kế hoạch");
		}
		Rhythm rhythm = Rhythm.of(activity.cadence().kind());
		int times = Math.max(activity.cadence().times(), 1);
		BigDecimal value = target.value();
		String countMetric = (target.metric() != null && target.measure() != Measure.MINUTES) ? target.metric()
				: activity.metrics().contains(BROADCASTS) ? BROADCASTS : null;
		String minutesMetric = (target.measure() == Measure.MINUTES && target.metric() != null) ? target.metric()
				: MINUTES;
		int required = (target.measure() == Measure.COUNT && value != null)
				? value.setScale(0, RoundingMode.CEILING).intValueExact() : times;
		int minutesEach = (target.measure() == Measure.MINUTES && value != null)
				? value.setScale(0, RoundingMode.CEILING).intValueExact() : activity.cadence().minutesEach();
		LocalDate today = evaluation.today();
		List<Stretch> stretches = rhythm.stretches(evaluation.period().start(), evaluation.period().end())
			.stream()
			.filter((stretch) -> !stretch.start().isAfter(today))
			.toList();
		long pairs = 0;
		long met = 0;
		for (Subject subject : scope.subjects()) {
			SortedMap<LocalDate, Map<String, Tally>> daily = evaluation.own()
				.daily(subject.code(), evaluation.plan().planId(), evaluation.period().start(),
						evaluation.period().end(), subject.rolledUp());
			for (Stretch stretch : stretches) {
				Tally tally = daily.subMap(stretch.start(), stretch.end().plusDays(1))
					.values()
					.stream()
					.map((activities) -> activities.getOrDefault(activity.activityId(), Tally.ZERO))
					.reduce(Tally.ZERO, Tally::plus);
				boolean ok = PeriodEvaluation.count(tally, countMetric) >= required
						&& (minutesEach <= 0 || tally.quantity(minutesMetric) >= (long) required * minutesEach);
				boolean over = stretch.end().isBefore(today);
				if (ok || over) {
					pairs++;
					met += ok ? 1 : 0;
				}
			}
		}
		String rule = "mỗi " + rhythm.word() + " ≥ " + required + " lần"
				+ ((minutesEach > 0) ? ", mỗi lần ≥ " + minutesEach + " phút" : "");
		if (pairs == 0) {
			return TargetResult.unknown(target, "Chưa hết " + rhythm.word() + " nào của kỳ (" + rule + ")");
		}
		BigDecimal share = Thresholds.percent(met, pairs);
		String detail = (scope.subjects().size() == 1) ? "Đạt " + met + "/" + pairs + " " + rhythm.word()
				: "Đạt " + met + "/" + pairs + " lượt " + rhythm.word() + " của " + scope.subjects().size() + " đơn vị";
		detail += " (" + rule + ")";
		boolean percent = target.measure() == Measure.PERCENT && value != null;
		return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
				target.comparison(), value, target.level(), share, null,
				percent ? Thresholds.met(share, target.comparison(), value) : met == pairs,
				percent ? Thresholds.gap(share, target.comparison(), value, false) : share.subtract(Thresholds.all()),
				detail, met, pairs);
	}

}
