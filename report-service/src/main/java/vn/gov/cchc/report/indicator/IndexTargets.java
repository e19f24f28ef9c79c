package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.PlanDetails.Target.Comparison;
import vn.gov.cchc.report.indicator.TargetScope.Subject;

/**
 * Index targets: a score, rank, change over the previous year or level of an external
 * index. They read the values reviewers recorded rather than the units' figures, and are
 * unknown until a value is published.
 */
final class IndexTargets {

	private final Indexes indexes;

	IndexTargets(Indexes indexes) {
		this.indexes = indexes;
	}

	TargetResult evaluate(Target target, Subject subject, PeriodEvaluation evaluation) {
		if (target.index() == null) {
			return TargetResult.unknown(target, "Chỉ tiêu không nêu chỉ số");
		}
		String index = IndexNames.canonical(target.index());
		int year = evaluation.period().year();
		Optional<IndexValue> found = published(subject.code(), index, year, evaluation);
		if (found.isEmpty()) {
			return TargetResult.unknown(target, "Chưa có kết quả công bố");
		}
		IndexValue current = found.get();
		String name = target.index() + " " + year;
		return switch (target.measure()) {
			case RANK -> compare(target, (current.rank() != null) ? BigDecimal.valueOf(current.rank()) : null, true,
					name + ": hạng " + current.rank(), "Chưa có thứ hạng công bố");
			case RANK_INCREASE -> {
				Optional<IndexValue> previous = this.previous(current);
				if (previous.isEmpty() || previous.get().rank() == null || current.rank() == null) {
					yield TargetResult.unknown(target, "Chưa có thứ hạng công bố của năm " + (year - 1));
				}
				int gained = previous.get().rank() - current.rank();
				yield compare(target, BigDecimal.valueOf(gained), false,
						name + ": " + ((gained >= 0) ? "tăng " : "giảm ") + Math.abs(gained) + " bậc (hạng "
								+ previous.get().rank() + " → " + current.rank() + ")",
						"");
			}
			case SCORE_INCREASE -> {
				Optional<IndexValue> previous = this.previous(current);
				if (previous.isEmpty() || previous.get().value() == null || current.value() == null) {
					yield TargetResult.unknown(target, "Chưa có kết quả công bố của năm " + (year - 1));
				}
				BigDecimal change = current.value().subtract(previous.get().value());
				yield compare(target, change, false,
						name + ": " + ((change.signum() >= 0) ? "tăng " : "giảm ") + Thresholds.number(change.abs())
								+ " (" + Thresholds.number(previous.get().value()) + " → "
								+ Thresholds.number(current.value()) + ")",
						"");
			}
			case LEVEL -> level(target, current, name);
			default -> compare(target, current.value(), false,
					name + ": " + ((current.value() != null) ? Thresholds.number(current.value()) : ""),
					"Chưa có điểm số công bố");
		};
	}

	/**
	 * A level is met when the published group is at least the plan's: "thuộc nhóm khá" is
	 * reached by a "Tốt" too, so {@code EQUAL} reads as the lowest group accepted;
	 * {@code AT_MOST} is the only comparison that caps it.
	 */
	private static TargetResult level(Target target, IndexValue current, String name) {
		String wanted = target.level();
		if (wanted == null || Thresholds.levelRank(wanted) < 0) {
			return TargetResult.unknown(target, "Chỉ tiêu không nêu mức xếp loại hợp lệ");
		}
		if (current.level() == null || Thresholds.levelRank(current.level()) < 0) {
			return TargetResult.unknown(target, "Chưa có xếp loại công bố");
		}
		int difference = Thresholds.levelRank(current.level()) - Thresholds.levelRank(wanted);
		boolean met = (target.comparison() == Comparison.AT_MOST) ? difference <= 0 : difference >= 0;
		BigDecimal gap = BigDecimal.valueOf((target.comparison() == Comparison.AT_MOST) ? -difference : difference);
		return new TargetResult(target.targetId(), target.description(), target.kind(), target.measure(),
				target.comparison(), target.value(), wanted, null, Thresholds.canonicalLevel(current.level()), met, gap,
				name + ": nhóm " + Thresholds.canonicalLevel(current.level()) + ", yêu cầu nhóm " + wanted, null, null);
	}

	private static TargetResult compare(Target target, @Nullable BigDecimal actual, boolean lowerIsBetter, String what,
			String whenMissing) {
		BigDecimal value = target.value();
		if (actual == null) {
			return TargetResult.unknown(target, whenMissing);
		}
		if (value == null) {
			return PeriodEvaluation.measured(target, actual, what, null, null);
		}
		String detail = what + ", yêu cầu " + Thresholds.comparisonText(target.comparison()) + " "
				+ Thresholds.number(value);
		return PeriodEvaluation.compared(target, value, actual, lowerIsBetter, detail, null, null);
	}

	/**
	 * The value published for the unit, else for its nearest ancestor on the period's
	 * end: indexes are published per province, and an office's plan commits to its
	 * province's index.
	 */
	private Optional<IndexValue> published(String unitCode, String index, int year, PeriodEvaluation evaluation) {
		DatedUnitTree.Path path = evaluation.own().tree().pathOn(unitCode, evaluation.period().end());
		for (String code : path.complete() ? path.codes() : List.of(unitCode)) {
			Optional<IndexValue> value = this.indexes.find(code, index, year);
			if (value.isPresent()) {
				return value;
			}
		}
		return Optional.empty();
	}

	private Optional<IndexValue> previous(IndexValue current) {
		return this.indexes.find(current.unitCode(), current.index(), current.year() - 1);
	}

}
