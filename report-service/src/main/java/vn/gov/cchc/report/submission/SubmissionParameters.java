package vn.gov.cchc.report.submission;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.period.PlanRequests;
import vn.gov.cchc.report.period.ReportingCalendar;
import vn.gov.cchc.report.web.Requests;

import org.springframework.stereotype.Component;

/**
 * Reads the parts of a request every submission endpoint shares (a submission id, a plan
 * and one of its periods) into the values or into problems naming the field.
 */
@Component
class SubmissionParameters {

	private final PlanRequests requests;

	private final Periods periods;

	SubmissionParameters(PlanRequests requests, Periods periods) {
		this.requests = requests;
		this.periods = periods;
	}

	/**
	 * A submission id {@code <planId>:<periodId>:<unitCode>}, or a 400 naming {@code id}.
	 */
	static String submissionId(String id) {
		String[] parts = id.split(":", -1);
		boolean valid = parts.length == 3;
		if (valid) {
			try {
				Requests.planId("id", parts[0]);
				Period.parse(parts[1]);
				Requests.unitCode("id", parts[2]);
			}
			catch (RuntimeException ex) {
				valid = false;
			}
		}
		if (!valid) {
			throw SubmissionProblems.invalid("id",
					"Mã báo cáo phải có dạng <mã kế hoạch>:<kỳ>:<mã đơn vị>, ví dụ 27-2022-22-KH-UBND:2022-H1:09190");
		}
		return id;
	}

	/** The unit whose report a well-formed submission id names. */
	static String unitCodeOf(String submissionId) {
		return submissionId.substring(submissionId.lastIndexOf(':') + 1);
	}

	/** The plan named by {@code plan}: 400 if malformed, 404 if unknown. */
	PlanDetails plan(@Nullable String plan) {
		return this.requests.plan("plan", plan);
	}

	/** The code of the unit named by {@code unit}: 400 if malformed, 404 if unknown. */
	String unitCode(@Nullable String unit) {
		return this.requests.unit("unit", unit).code();
	}

	/** One of the plan's reported periods, or a 400 naming {@code period}. */
	Period period(PlanDetails plan, @Nullable String period) {
		if (period == null || period.isBlank()) {
			throw SubmissionProblems.invalid("period", "Thiếu mã kỳ báo cáo, ví dụ 2022-H1");
		}
		try {
			Period.parse(period);
		}
		catch (IllegalArgumentException ex) {
			throw SubmissionProblems.invalid("period",
					"Mã kỳ không đúng định dạng (ví dụ 2022-M05, 2022-Q2, 2022-H1, 2022-9M, 2022-Y)");
		}
		ReportingCalendar calendar = this.periods.calendar(plan.reporting());
		Optional<Period> found = Obligations.reportedPeriods(plan, calendar)
			.stream()
			.filter((candidate) -> candidate.id().equals(period))
			.findFirst();
		return found.orElseThrow(() -> SubmissionProblems.notAPeriodOfThePlan(period, plan.planId()));
	}

}
