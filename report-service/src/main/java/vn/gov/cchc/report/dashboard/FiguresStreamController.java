package vn.gov.cchc.report.dashboard;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.period.PlanRequests;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/dashboard/stream?unit=&plan=}: server-sent events of the unit's
 * figures as they change (see {@link FiguresStream}), for a caller whose reading scope
 * holds the unit. The stream carries facts of any date, so the scope follows the unit's
 * parents over its whole life; it is checked before subscribing.
 */
@RestController
class FiguresStreamController {

	private final PlanRequests requests;

	private final FiguresStream stream;

	private final Units units;

	FiguresStreamController(PlanRequests requests, FiguresStream stream, Units units) {
		this.requests = requests;
		this.stream = stream;
		this.units = units;
	}

	@GetMapping("/api/v1/dashboard/stream")
	SseEmitter stream(Caller caller, @RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String plan) {
		UnitDetails found = this.requests.unit("unit", unit);
		ReadScope.of(caller, this.units.pathsEver()).require("unit", found.code());
		String planId = (plan != null) ? this.requests.plan("plan", plan).planId() : null;
		return this.stream.subscribe(found.code(), planId);
	}

}
