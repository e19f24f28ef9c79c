package vn.gov.cchc.report.figures;

import java.time.LocalDate;
import java.util.SortedMap;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.PlanRequests;
import vn.gov.cchc.report.web.Requests;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.UnitPaths;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/figures/{unitCode}?plan=&from=&to=} (or {@code ?plan=&period=}): a
 * unit's figures for a plan over any span of days, rolled up from its subtree as the tree
 * was on each fact's date, for a caller whose reading scope holds the unit: on the tree
 * of the period's end when a period is asked for, over the unit's whole life for a span
 * of days, which may cross a reorganisation.
 */
@RestController
class FiguresController {

	private final Figures figures;

	private final PlanRequests planRequests;

	private final Units units;

	FiguresController(Figures figures, PlanRequests planRequests, Units units) {
		this.figures = figures;
		this.planRequests = planRequests;
		this.units = units;
	}

	@GetMapping("/api/v1/figures/{unitCode}")
	FiguresResponse figures(Caller caller, @PathVariable String unitCode,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		LocalDate first;
		LocalDate last;
		String planId;
		UnitPaths paths;
		if (period != null) {
			PlanDetails details = this.planRequests.plan("plan", plan);
			Period window = this.planRequests.period(details, "period", period, false);
			planId = details.planId();
			first = window.start();
			last = window.end();
			paths = this.units.pathsOn(window.end());
		}
		else {
			planId = Requests.planId("plan", plan);
			first = Requests.date("from", from);
			last = Requests.date("to", to);
			Requests.range(first, last);
			paths = this.units.pathsEver();
		}
		String name = this.planRequests.unit("unitCode", unitCode).name();
		ReadScope.of(caller, paths).require("unitCode", unitCode);
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
