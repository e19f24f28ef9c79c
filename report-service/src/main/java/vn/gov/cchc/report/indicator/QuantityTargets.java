package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.util.Map;

import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.PlanDetails.Target.Measure;
import vn.gov.cchc.report.indicator.TargetScope.Subject;

/**
 * Quantity targets: a total of a metric (or of reports) one subject reaches over the
 * period. Its detail names the metric in Vietnamese, as the plan's sentence does.
 */
final class QuantityTargets {

	/** Metric names as a Vietnamese sentence says them. */
	private static final Map<String, String> METRIC_NAMES = Map.ofEntries(Map.entry("broadcasts", "lần phát sóng"),
			Map.entry("minutes", "phút"), Map.entry("columns", "chuyên mục"), Map.entry("articles", "bài viết"),
			Map.entry("posts", "tin bài"), Map.entry("participants", "lượt người tham dự"),
			Map.entry("sessions", "buổi"), Map.entry("copies", "bản"), Map.entry("postings", "lượt niêm yết"),
			Map.entry("answers", "câu trả lời"), Map.entry("events", "sự kiện"), Map.entry("banners", "băng rôn"),
			Map.entry("guidance_documents", "văn bản hướng dẫn"), Map.entry("awards", "giải thưởng"));

	TargetResult evaluate(Target target, Subject subject, PeriodEvaluation evaluation) {
		BigDecimal value = target.value();
		if (target.metric() == null && target.measure() == Measure.PERCENT) {
			return TargetResult.unknown(target, "Chỉ tiêu tỷ lệ không gắn với số liệu báo cáo nào");
		}
		if (value == null) {
			return TargetResult.unknown(target, "Chỉ tiêu không nêu giá trị cần đạt");
		}
		long sum = PeriodEvaluation.count(evaluation.tally(subject, target.activityId()), target.metric());
		BigDecimal actual = BigDecimal.valueOf(sum);
		String what = (target.metric() != null) ? METRIC_NAMES.getOrDefault(target.metric(), target.metric())
				: "lượt báo cáo";
		String detail = subject.unit().name() + ": " + Thresholds.number(actual) + " " + what
				+ ((target.activityId() != null) ? " (" + target.activityId() + ")" : "") + ", yêu cầu "
				+ Thresholds.comparisonText(target.comparison()) + " " + Thresholds.number(value);
		return evaluation.settle(PeriodEvaluation.compared(target, value, actual, false, detail, null, null));
	}

}
