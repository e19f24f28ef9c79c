package vn.gov.cchc.report.dashboard;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.period.PlanRequests;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/dashboard/stream?unit=&plan=}: server-sent events of the unit's
 * figures as they change (see {@link FiguresStream}).
 */
@RestController
class FiguresStreamController {

	private final PlanRequests requests;

	private final FiguresStream stream;

	FiguresStreamController(PlanRequests requests, FiguresStream stream) {
		this.requests = requests;
		this.stream = stream;
	}

	@GetMapping("/api/v1/dashboard/stream")
	SseEmitter stream(@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String plan) {
		UnitDetails found = this.requests.unit("unit", unit);
		String planId = (plan != null) ? this.requests.plan("plan", plan).planId() : null;
		return this.stream.subscribe(found.code(), planId);
	}

}
