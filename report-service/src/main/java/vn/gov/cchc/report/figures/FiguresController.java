package vn.gov.cchc.report.figures;

import java.time.LocalDate;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.PlanPeriods;
import vn.gov.cchc.report.problem.Requests;
import vn.gov.cchc.report.unit.Units;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/figures/{unitCode}?plan=&from=&to=}: a unit's figures for a plan
 * over any span of days, rolled up from its subtree as the tree was on each fact's date.
 */
@RestController
class FiguresController {

	private final Units units;

	private final Figures figures;

	private final PlanPeriods planPeriods;

	FiguresController(Units units, Figures figures, PlanPeriods planPeriods) {
		this.units = units;
		this.figures = figures;
		this.planPeriods = planPeriods;
	}

	@GetMapping("/api/v1/figures/{unitCode}")
	FiguresResponse figures(@PathVariable String unitCode, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		Requests.unitCode("unitCode", unitCode);
		LocalDate first;
		LocalDate last;
		String planId;
		if (period != null) {
			PlanDetails details = this.planPeriods.plan("plan", plan);
			Period window = this.planPeriods.period(details, "period", period);
			planId = details.planId();
			first = window.start();
			last = window.end();
		}
		else {
			planId = Requests.planId("plan", plan);
			first = Requests.date("from", from);
			last = Requests.date("to", to);
			Requests.range(first, last);
		}
		String name = this.units.find(unitCode)
			.orElseThrow(() -> Requests.notFound("unitCode", "unknown-unit", "Không tìm thấy đơn vị",
					"Không có đơn vị nào mang mã " + unitCode + "."))
			.name();
		SortedMap<String, Tally> byActivity = this.figures.byActivity(unitCode, planId, first, last);
		Tally total = byActivity.values().stream().reduce(Tally.ZERO, Tally::plus);
		return new FiguresResponse(unitCode, name, planId, first, last, total, byActivity);
	}

	/**
	 * A unit's figures over a span of days.
	 *
	 * @param unitCode the unit
	 * @param name its official name
	 * @param planId the plan
	 * @param from the first day
	 * @param to the last day
	 * @param total all activities together
	 * @param byActivity per activity of the plan, sorted by id
	 */
	record FiguresResponse(String unitCode, String name, String planId, LocalDate from, LocalDate to, Tally total,
			SortedMap<String, Tally> byActivity) {

	}

}
