package vn.gov.cchc.report.dashboard;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.Activity;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.PlanRequests;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.report.web.Requests;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's questions about a unit, a plan and a period. The period is any period
 * id of the plan's calendar ({@code 2022-H1}, and for drill-down also {@code 2022-Q2} or
 * {@code 2022-M05}), with its window in the plan's regime.
 * <p>
 * The caller's reading scope must hold the unit: on the tree of the period's end for the
 * overview and the drill-downs (the tree their figures are rolled up on), over the unit's
 * whole life for a series, whose span may cross a reorganisation.
 */
@RestController
@RequestMapping("/api/v1/dashboard/{unitCode}")
class DashboardController {

	private final PlanRequests requests;

	private final Dashboard dashboard;

	private final Units units;

	DashboardController(PlanRequests requests, Dashboard dashboard, Units units) {
		this.requests = requests;
		this.dashboard = dashboard;
		this.units = units;
	}

	@GetMapping("/overview")
	Dashboard.Overview overview(Caller caller, @PathVariable String unitCode,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		return this.dashboard.overview(unit, planDetails, readablePeriod(caller, unit, planDetails, period));
	}

	@GetMapping("/children")
	Dashboard.Children children(Caller caller, @PathVariable String unitCode,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		return this.dashboard.children(unit, planDetails, readablePeriod(caller, unit, planDetails, period));
	}

	@GetMapping("/activities/{activityId}")
	Dashboard.ActivityView activity(Caller caller, @PathVariable String unitCode, @PathVariable String activityId,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		Activity activity = activity(planDetails, "activityId", activityId);
		return this.dashboard.activity(unit, planDetails, activity, readablePeriod(caller, unit, planDetails, period));
	}

	@GetMapping("/series")
	Dashboard.Series series(Caller caller, @PathVariable String unitCode,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String by,
			@RequestParam(required = false) @Nullable String activity) {
		UnitDetails unit = this.requests.unit("unitCode", unitCode);
		ReadScope.of(caller, this.units.pathsEver()).require("unitCode", unit.code());
		LocalDate first = Requests.date("from", from);
		LocalDate last = Requests.date("to", to);
		Requests.range(first, last);
		SeriesBy seriesBy = by(by);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		String activityId = (activity != null) ? activity(planDetails, "activity", activity).activityId() : null;
		return this.dashboard.series(unit, planDetails, first, last, seriesBy, activityId);
	}

	/** The period, once the caller's scope holds the unit on the tree of its end. */
	private Period readablePeriod(Caller caller, UnitDetails unit, PlanDetails plan, @Nullable String period) {
		Period window = this.requests.period(plan, "period", period, false);
		ReadScope.of(caller, this.units.pathsOn(window.end())).require("unitCode", unit.code());
		return window;
	}

	private static SeriesBy by(@Nullable String by) {
		if (by == null) {
			return SeriesBy.WEEK;
		}
		try {
			return SeriesBy.valueOf(by.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Requests.invalid("by", "invalid-series-by", "Cách chia chuỗi thời gian không hợp lệ",
					"Tham số by là WEEK (theo tuần) hoặc MONTH (theo tháng).", "Phải là WEEK hoặc MONTH");
		}
	}

	private static Activity activity(PlanDetails plan, String field, String activityId) {
		if (!Figures.isActivityId(activityId)) {
			throw Requests.invalid(field, "invalid-activity-id", "Mã hoạt động không hợp lệ",
					"Mã hoạt động gồm chữ, số, dấu chấm, gạch dưới và gạch nối, tối đa 40 ký tự.",
					"Mã hoạt động không đúng định dạng");
		}
		return plan.activities()
			.stream()
			.filter((candidate) -> candidate.activityId().equals(activityId))
			.findFirst()
			.orElseThrow(() -> Requests.notFound(field, "unknown-activity", "Không tìm thấy hoạt động",
					"Kế hoạch " + plan.planId() + " không có hoạt động " + activityId + "."));
	}

}
