package vn.gov.cchc.report.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Activity;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.problem.FieldError;
import vn.gov.cchc.report.problem.ProblemException;
import vn.gov.cchc.report.problem.Problems;
import vn.gov.cchc.report.problem.Requests;
import vn.gov.cchc.report.period.PlanRequests;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's questions about a unit, a plan and a period. The period is any period
 * id of the plan's calendar ({@code 2022-H1}, and for drill-down also {@code 2022-Q2} or
 * {@code 2022-M05}), with its window in the plan's regime.
 */
@RestController
@RequestMapping("/api/v1/dashboard/{unitCode}")
class DashboardController {

	private final PlanRequests requests;

	private final Dashboard dashboard;

	DashboardController(PlanRequests requests, Dashboard dashboard) {
		this.requests = requests;
		this.dashboard = dashboard;
	}

	@GetMapping("/overview")
	Dashboard.Overview overview(@PathVariable String unitCode, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		return this.dashboard.overview(unit, planDetails, period(planDetails, period));
	}

	@GetMapping("/children")
	Dashboard.Children children(@PathVariable String unitCode, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		return this.dashboard.children(unit, planDetails, period(planDetails, period));
	}

	@GetMapping("/activities/{activityId}")
	Dashboard.ActivityView activity(@PathVariable String unitCode, @PathVariable String activityId,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		Activity activity = activity(planDetails, "activityId", activityId);
		return this.dashboard.activity(unit, planDetails, activity, period(planDetails, period));
	}

	@GetMapping("/series")
	Dashboard.Series series(@PathVariable String unitCode, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String activity) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		LocalDate first = Requests.date("from", from);
		LocalDate last = Requests.date("to", to);
		Requests.range(first, last);
		SeriesBy seriesBy = by(by);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		String activityId = (activity != null) ? activity(planDetails, "activity", activity).activityId() : null;
		return this.dashboard.series(unit, planDetails, first, last, seriesBy, activityId);
	}

	private Period period(PlanDetails plan, @Nullable String period) {
		return this.requests.period(plan, "period", period, false);
	}

	private static SeriesBy by(@Nullable String by) {
		if (by == null) {
			return SeriesBy.WEEK;
		}
		try {
			return SeriesBy.valueOf(by.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(Problems.of(HttpStatus.BAD_REQUEST, "invalid-series-by",
					"Cách chia chuỗi thời gian không hợp lệ", "Tham số by là WEEK (theo tuần) hoặc MONTH (theo tháng).",
					List.of(new FieldError("by", "Phải là WEEK hoặc MONTH"))));
		}
	}

	private static Activity activity(PlanDetails plan, String field, String activityId) {
		if (!Figures.isActivityId(activityId)) {
			throw new ProblemException(
					Problems.of(HttpStatus.BAD_REQUEST, "invalid-activity-id", "Mã hoạt động không hợp lệ",
							"Mã hoạt động gồm chữ, số, dấu chấm, gạch dưới và gạch nối, tối đa 40 ký tự.",
							List.of(new FieldError(field, "Mã hoạt động không đúng định dạng"))));
		}
		return plan.activities()
			.stream()
			.filter((candidate) -> candidate.activityId().equals(activityId))
			.findFirst()
			.orElseThrow(() -> Requests.notFound(field, "unknown-activity", "Không tìm thấy hoạt động",
					"Kế hoạch " + plan.planId() + " không có hoạt động " + activityId + "."));
	}

}
