package vn.gov.cchc.report.period;

import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.plan.Plans;
import vn.gov.cchc.report.problem.FieldError;
import vn.gov.cchc.report.problem.ProblemException;
import vn.gov.cchc.report.problem.Problems;
import vn.gov.cchc.report.problem.Requests;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns the {@code plan} and {@code period} parameters of a request into a known plan and
 * a period of its regime, or into the problem that names the parameter.
 */
@Component
public class PlanPeriods {

	private final Plans plans;

	private final Periods periods;

	public PlanPeriods(Plans plans, Periods periods) {
		this.plans = plans;
		this.periods = periods;
	}

	/** The plan, or a 400 (malformed) or 404 (not issued) problem naming the field. */
	public PlanDetails plan(String field, @Nullable String planId) {
		String id = Requests.planId(field, planId);
		return this.plans.find(id)
			.orElseThrow(() -> Requests.notFound(field, "unknown-plan", "Không tìm thấy kế hoạch",
					"Chưa có kế hoạch nào mang mã " + id + " được ban hành."));
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
					Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unusable-reporting-regime",
							"Chế độ báo cáo của kế hoạch không áp dụng được", "Hạn báo cáo của kế hoạch "
									+ plan.planId() + " không để lại được kỳ số liệu: " + ex.getMessage(),
							List.of(new FieldError("plan", "Chế độ báo cáo không hợp lệ"))));
		}
	}

	/**
	 * The period with that id on the plan's calendar ({@code 2022-H1}, {@code 2022-Y},
	 * and also {@code 2022-Q2} or {@code 2022-M05} for a drill-down), or a 400 problem
	 * naming the field.
	 */
	public Period period(PlanDetails plan, String field, @Nullable String periodId) {
		return (periodId != null) ? calendar(plan).find(periodId).orElseThrow(() -> invalidPeriod(field))
				: Requests.fail(invalidPeriod(field));
	}

	private static ProblemException invalidPeriod(String field) {
		return new ProblemException(Problems.of(HttpStatus.BAD_REQUEST, "invalid-period", "Kỳ báo cáo không hợp lệ",
				"Kỳ báo cáo có dạng 2022-H1 (6 tháng đầu năm), 2022-9M (9 tháng), 2022-Y (năm), 2024-Q2 (quý) hoặc "
						+ "2024-M05 (tháng).",
				List.of(new FieldError(field, "Mã kỳ báo cáo không đúng"))));
	}

}
