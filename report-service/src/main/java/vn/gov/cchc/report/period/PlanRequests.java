package vn.gov.cchc.report.period;

import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.plan.Plans;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.report.web.Requests;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.stereotype.Component;

/**
 * Reads the unit, plan and period a question names into what they stand for, or into a
 * problem naming the parameter: 400 when malformed, 404 when unknown. The target and
 * figures, periods, target and dashboard APIs ask the same three questions.
 */
@Component
public class PlanRequests {

	private final Units units;

	private final Plans plans;

	private final Periods periods;

	public PlanRequests(Units units, Plans plans, Periods periods) {
		this.units = units;
		this.plans = plans;
		this.periods = periods;
	}

	/** The unit with that code. */
	public UnitDetails unit(String field, @Nullable String value) {
		String code = Requests.unitCode(field, value);
		return this.units.find(code)
			.orElseThrow(() -> Requests.notFound(field, "unknown-unit", "Không tìm thấy đơn vị",
					"Không có đơn vị nào mang mã " + code + "."));
	}

	/** The newest version of the plan with that id. */
	public PlanDetails plan(String field, @Nullable String value) {
		String planId = Requests.planId(field, value);
		return this.plans.find(planId)
			.orElseThrow(() -> Requests.notFound(field, "unknown-plan", "Không tìm thấy kế hoạch",
					"Không có kế hoạch nào mang mã " + planId + "."));
	}

	/**
	 * The plan's period with that id ({@code 2022-H1}), with its window in the plan's
	 * regime.
	 * @param reportedOnly only the periods the regime reports on ({@code 2022-H1} and
	 * {@code 2022-Y} for Bắc Ninh); otherwise any period of the calendar
	 * ({@code 2022-Q2}, {@code 2022-M05}) that overlaps the plan
	 */
	public Period period(PlanDetails plan, String field, @Nullable String value, boolean reportedOnly) {
		Period.Key key;
		try {
			if (value == null) {
				throw new IllegalArgumentException("absent");
			}
			key = Period.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw Requests.invalid(field, "invalid-period", "Mã kỳ báo cáo không hợp lệ",
					"Mã kỳ báo cáo có dạng 2022-M05, 2022-Q2, 2022-H1, 2022-9M, 2022-9M2 hoặc 2022-Y.",
					"Mã kỳ báo cáo không đúng định dạng");
		}
		ReportingCalendar calendar = calendar(plan);
		Period period;
		try {
			period = calendar.period(key);
		}
		catch (IllegalArgumentException ex) {
			throw unknownPeriod(field, key.id(), plan);
		}
		boolean reported = plan.reporting().periods().contains(key.type()) && key.reported();
		boolean overlaps = !period.end().isBefore(plan.from()) && !period.start().isAfter(plan.to());
		if ((reportedOnly && !reported) || !overlaps) {
			throw unknownPeriod(field, key.id(), plan);
		}
		return period;
	}

	/**
	 * The calendar of the plan's regime, or a 422 problem if its deadlines cannot be
	 * honoured (plan-service validates regimes, but a plan issued before a rule existed
	 * may still break one).
	 */
	public ReportingCalendar calendar(PlanDetails plan) {
		try {
			return this.periods.calendar(plan.reporting());
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(
					Problems.unprocessable("unusable-reporting-regime",
							"Chế độ báo cáo của kế hoạch không áp dụng được", "Hạn báo cáo của kế hoạch "
									+ plan.planId() + " không để lại được kỳ số liệu: " + ex.getMessage(),
							List.of(new FieldError("plan", "Chế độ báo cáo không hợp lệ"))));
		}
	}

	private static ProblemException unknownPeriod(String field, String periodId, PlanDetails plan) {
		return Requests.notFound(field, "unknown-period", "Không tìm thấy kỳ báo cáo",
				"Kế hoạch " + plan.planId() + " không có kỳ báo cáo " + periodId + ".");
	}

}
