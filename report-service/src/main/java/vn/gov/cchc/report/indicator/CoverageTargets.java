package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import vn.gov.cchc.events.PlanDetails.Target;
import vn.gov.cchc.events.PlanDetails.Target.Measure;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.indicator.TargetScope.Subject;

/**
 * Coverage targets: the share (or number) of the units of a group or kind that reported a
 * result. Each unit counts on its own figures, so that a unit is not covered by what its
 * subtree did.
 */
final class CoverageTargets {

	private static final Map<String, String> GROUP_NAMES = Map.of("commune-radio-stations", "đài truyền thanh xã",
			"commune-post-offices", "điểm bưu điện văn hóa xã", "agency-portals", "cổng/trang thông tin điện tử");

	TargetResult evaluate(Target target, TargetScope scope, PeriodEvaluation evaluation) {
		List<Subject> members = scope.subjects();
		String who = (target.group() != null)
				? GROUP_NAMES.getOrDefault(target.group(), "đơn vị thuộc nhóm " + target.group())
				: (target.appliesTo() != null) ? TargetScope.kindName(target.appliesTo()) : "";
		if (target.group() == null && target.appliesTo() == null) {
			return TargetResult.unknown(target, "Chỉ tiêu không nêu nhóm hay loại đơn vị để tính tỷ lệ");
		}
		if (members.isEmpty()) {
			return TargetResult.unknown(target,
					"Không có " + who + " nào trên cây đơn vị ngày " + Dates.text(evaluation.period().end()));
		}
		long done = members.stream().filter((member) -> {
			Tally tally = evaluation.tally(member, target.activityId());
			return tally.events() > 0 && (target.metric() == null || tally.quantity(target.metric()) > 0);
		}).count();
		long all = members.size();
		String what = (target.activityId() != null) ? "có kết quả " + target.activityId() : "có kết quả báo cáo";
		String detail = done + "/" + all + " " + who + " " + what;
		BigDecimal value = target.value();
		BigDecimal actual = (target.measure() == Measure.COUNT) ? BigDecimal.valueOf(done)
				: Thresholds.percent(done, all);
		if (value == null) {
			return PeriodEvaluation.measured(target, actual, detail, done, all);
		}
		return evaluation.settle(PeriodEvaluation.compared(target, value, actual, false, detail, done, all));
	}

}
