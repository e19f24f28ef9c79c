package vn.gov.cchc.report.submission;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.problem.Requests;
import vn.gov.cchc.report.unit.Units;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reporting-rates?plan=&period=[&unit=]}: expected, actual, on time
 * and their rates per level and in all, and the units late or overdue with their
 * contacts. Open to every caller for now, like the other read models of this service; the
 * gateway decides who reaches it.
 */
@RestController
class ReportingRatesController {

	private final ReportingRates rates;

	private final Requested requested;

	private final Units units;

	ReportingRatesController(ReportingRates rates, Requested requested, Units units) {
		this.rates = rates;
		this.requested = requested;
		this.units = units;
	}

	@GetMapping("/api/v1/reporting-rates")
	ReportingRates.Rates rates(@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String unit) {
		PlanDetails found = this.requested.plan(plan);
		Period wanted = this.requested.period(found, period);
		String unitCode = (unit != null) ? Requests.unitCode("unit", unit) : null;
		if (unitCode != null && this.units.find(unitCode).isEmpty()) {
			throw Requests.notFound("unit", "unknown-unit", "Không tìm thấy đơn vị",
					"Không có đơn vị nào mang mã " + unitCode + ".");
		}
		return this.rates.of(found, wanted, unitCode);
	}

}
