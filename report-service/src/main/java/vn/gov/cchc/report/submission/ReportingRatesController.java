package vn.gov.cchc.report.submission;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reporting-rates?plan=&period=[&unit=]}: expected, actual, on time
 * and their rates per level and in all, and the units late or overdue with their
 * contacts. The caller's reading scope, on the tree of the period's end, must hold the
 * unit asked about; without {@code unit} the rates are the whole plan's, so it must hold
 * the plan's issuer (an officer asks with its own unit).
 */
@RestController
class ReportingRatesController {

	private final ReportingRates rates;

	private final SubmissionParameters parameters;

	private final Units units;

	ReportingRatesController(ReportingRates rates, SubmissionParameters parameters, Units units) {
		this.rates = rates;
		this.parameters = parameters;
		this.units = units;
	}

	@GetMapping("/api/v1/reporting-rates")
	ReportingRates.Rates rates(Caller caller, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String unit) {
		PlanDetails found = this.parameters.plan(plan);
		Period wanted = this.parameters.period(found, period);
		String unitCode = (unit != null) ? this.parameters.unitCode(unit) : null;
		ReadScope.of(caller, this.units.pathsOn(wanted.end()))
			.require("unit", (unitCode != null) ? unitCode : found.issuerCode());
		return this.rates.of(found, wanted, unitCode);
	}

}
