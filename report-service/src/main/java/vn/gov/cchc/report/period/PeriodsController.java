package vn.gov.cchc.report.period;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.web.Requests;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/periods?plan=&year=}: the reporting periods a plan's regime asks for
 * in a year, with their data windows (Decree 09/2019 cut-offs or the plan's own) and the
 * due date of every level.
 */
@RestController
class PeriodsController {

	private final PlanRequests planRequests;

	PeriodsController(PlanRequests planRequests) {
		this.planRequests = planRequests;
	}

	@GetMapping("/api/v1/periods")
	List<PeriodResponse> periods(@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String year) {
		PlanDetails details = this.planRequests.plan("plan", plan);
		int wanted = year(year);
		ReportingCalendar calendar = this.planRequests.calendar(details);
		return calendar.reportedPeriods(wanted)
			.stream()
			.map((period) -> new PeriodResponse(period.id(), period.type(), period.start(), period.end(),
					calendar.dueDates(period)))
			.toList();
	}

	private static int year(@Nullable String year) {
		try {
			if (year != null) {
				int value = Integer.parseInt(year);
				if (value >= 2000 && value <= 2100) {
					return value;
				}
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw Requests.invalid("year", "invalid-year", "Năm không hợp lệ", "Năm phải là số từ 2000 đến 2100.",
				"Năm không hợp lệ");
	}

	/**
	 * One reporting period.
	 *
	 * @param id e.g. {@code 2022-H1}
	 * @param type the period type
	 * @param start the first day of its data window
	 * @param cutOff the last day of its data window
	 * @param dueDates the last day each level may submit on
	 */
	record PeriodResponse(String id, PeriodType type, LocalDate start, LocalDate cutOff,
			Map<UnitKind, LocalDate> dueDates) {

	}

}
