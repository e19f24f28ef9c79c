package vn.gov.cchc.report.submission;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/periods:open?plan=&period=}: opens a round now instead of at
 * the next scan, for an operator of the plan's issuer or of its receiving unit. The same
 * idempotent opening as the scan: 201 when this call opened it, 200 when it was open.
 */
@RestController
class AdminPeriodsController {

	private final SubmissionRounds rounds;

	private final Requested requested;

	private final ReportCompiler compiler;

	AdminPeriodsController(SubmissionRounds rounds, Requested requested, ReportCompiler compiler) {
		this.rounds = rounds;
		this.requested = requested;
		this.compiler = compiler;
	}

	@PostMapping("/api/v1/admin/periods:open")
	ResponseEntity<SubmissionRounds.Opening> open(
			@RequestHeader(name = Actor.USER_HEADER, required = false) @Nullable String user,
			@RequestHeader(name = Actor.UNIT_HEADER, required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period) {
		Actor actor = Requested.actor(user, unit);
		PlanDetails found = this.requested.plan(plan);
		Period wanted = this.requested.period(found, period);
		if (!actor.unitCode().equals(found.issuerCode())
				&& !actor.unitCode().equals(found.reporting().receiverUnitCode())) {
			throw SubmissionProblems
				.forbidden("Chỉ đơn vị ban hành kế hoạch hoặc đơn vị nhận báo cáo mới được mở kỳ báo cáo.");
		}
		if (!wanted.end().isBefore(this.compiler.today())) {
			throw SubmissionProblems.periodNotEnded(wanted.id(), wanted.end());
		}
		SubmissionRounds.Opening opening = this.rounds.open(found, wanted, actor.user());
		return ResponseEntity.status(opening.opened() ? HttpStatus.CREATED : HttpStatus.OK).body(opening);
	}

}
