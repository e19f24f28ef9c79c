package vn.gov.cchc.report.indicator;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.report.period.PlanRequests;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/targets?plan=&period=&unit=}: how the unit stands against its plan's
 * targets in a reported period, for a caller whose reading scope holds the unit on the
 * tree of the period's end.
 */
@RestController
class TargetController {

	private final PlanRequests requests;

	private final TargetEvaluator evaluator;

	private final Units units;

	TargetController(PlanRequests requests, TargetEvaluator evaluator, Units units) {
		this.requests = requests;
		this.evaluator = evaluator;
		this.units = units;
	}

	@GetMapping("/api/v1/targets")
	TargetsResponse targets(Caller caller, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String unit) {
		UnitDetails found = this.requests.unit("unit", unit);
		PlanDetails planDetails = this.requests.plan("plan", plan);
		Period window = this.requests.period(planDetails, "period", period, true);
		ReadScope.of(caller, this.units.pathsOn(window.end())).require("unit", found.code());
		List<TargetResult> results = this.evaluator.evaluate(planDetails, found.code(), window);
		return new TargetsResponse(found.code(), found.name(), planDetails.planId(), window.id(), window.start(),
				window.end(), results);
	}

	/**
	 * The targets of a unit in a period.
	 *
	 * @param unitCode the unit
	 * @param name its name
	 * @param planId the plan
	 * @param periodId the period
	 * @param from the period's first day
	 * @param to its cut-off
	 * @param targets the plan's targets that apply to the unit, in the plan's order
	 */
	record TargetsResponse(String unitCode, String name, String planId, String periodId, LocalDate from, LocalDate to,
			List<TargetResult> targets) {

	}

}
