package vn.gov.cchc.report.submission;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/periods:open?plan=&period=}: opens a round now instead of at
 * the next scan, for an administrator (the role is checked by the security filters) of
 * the province the plan's issuer or its receiving unit belongs to, on the tree of the
 * period's end: an administrator manages the plans of its province, and no other. The
 * same idempotent opening as the scan: 201 when this call opened it, 200 when it was
 * open.
 */
@RestController
class AdminPeriodsController {

	private final SubmissionRounds rounds;

	private final SubmissionParameters parameters;

	private final ReportCompiler compiler;

	private final Units units;

	AdminPeriodsController(SubmissionRounds rounds, SubmissionParameters parameters, ReportCompiler compiler,
			Units units) {
		this.rounds = rounds;
		this.parameters = parameters;
		this.compiler = compiler;
		this.units = units;
	}

	@PostMapping("/api/v1/admin/periods:open")
	ResponseEntity<SubmissionRounds.Opening> open(Caller caller, @RequestParam(required = false) @Nullable String plan,
			@RequestParam(required = false) @Nullable String period) {
		PlanDetails found = this.parameters.plan(plan);
		Period wanted = this.parameters.period(found, period);
		ReadScope scope = ReadScope.of(caller, this.units.pathsOn(wanted.end()));
		if (!scope.covers(found.issuerCode()) && !scope.covers(found.reporting().receiverUnitCode())) {
			throw SubmissionProblems.forbidden("plan", "Chỉ quản trị viên của tỉnh có đơn vị ban hành kế hoạch hoặc "
					+ "đơn vị nhận báo cáo mới được mở kỳ báo cáo.");
		}
		if (!wanted.end().isBefore(this.compiler.today())) {
			throw SubmissionProblems.periodNotEnded(wanted.id(), wanted.end());
		}
		SubmissionRounds.Opening opening = this.rounds.open(found, wanted, caller);
		return ResponseEntity.status(opening.opened() ? HttpStatus.CREATED : HttpStatus.OK).body(opening);
	}

}
