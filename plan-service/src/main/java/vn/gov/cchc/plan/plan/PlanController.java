package vn.gov.cchc.plan.plan;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.plan.unit.UnitCodes;
import vn.gov.cchc.plan.unit.Units;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.web.FieldError;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans over HTTP. Every error is an RFC 9457 problem ({@code application/problem+json})
 * naming the offending fields. Only administrators write plans; reads are for officers,
 * reviewers and administrators, each within what {@link PlanReadPermission} lets it read.
 */
@RestController
class PlanController implements PlanApi {

	private final PlanLifecycle lifecycle;

	private final Plans plans;

	private final PlanImplementation implementation;

	private final Units units;

	PlanController(PlanLifecycle lifecycle, Plans plans, PlanImplementation implementation, Units units) {
		this.lifecycle = lifecycle;
		this.plans = plans;
		this.implementation = implementation;
		this.units = units;
	}

	@Override
	public ResponseEntity<PlanView> saveDraft(String planId, PlanRequest plan) {
		PlanLifecycle.Saved saved = this.lifecycle.saveDraft(planId, plan);
		return saved.created() ? ResponseEntity.created(location(planId)).body(PlanView.of(saved.plan()))
				: ResponseEntity.ok(PlanView.of(saved.plan()));
	}

	@Override
	public PlanView issue(String planId, IssueRequest request) {
		return PlanView.of(this.lifecycle.issue(planId, request));
	}

	@Override
	public PlanView amend(String planId, AmendmentRequest request) {
		return PlanView.of(this.lifecycle.amend(planId, request));
	}

	@Override
	public PlanView close(String planId, @Nullable CloseRequest request) {
		return PlanView
			.of(this.lifecycle.close(planId, (request != null) ? request : new CloseRequest(null, null, null)));
	}

	@Override
	public ResponseEntity<PlanView> derive(String planId, DeriveRequest request) {
		PlanLifecycle.Saved saved = this.lifecycle.derive(planId, request);
		return ResponseEntity.created(location(saved.plan().planId())).body(PlanView.of(saved.plan()));
	}

	@Override
	public PlanView current(Caller caller, String planId) {
		return PlanView.of(readable(caller, planId));
	}

	@Override
	public List<VersionView> versions(Caller caller, String planId) {
		StoredPlan stored = readable(caller, planId);
		return stored.versions().stream().map((version) -> VersionView.of(stored, version)).toList();
	}

	@Override
	public PlanDetails version(Caller caller, String planId, String version) {
		int number;
		try {
			number = Integer.parseInt(version);
		}
		catch (NumberFormatException ex) {
			throw PlanProblems.invalid(List.of(new FieldError("version", "Số phiên bản là số nguyên từ 1.")));
		}
		StoredPlan stored = readable(caller, planId);
		return stored.version(number).orElseThrow(() -> PlanProblems.versionNotFound(planId, number));
	}

	@Override
	public List<PlanSummary> list(Caller caller, @Nullable String issuer, @Nullable String year) {
		if (issuer != null && !UnitCodes.isWellFormed(issuer)) {
			throw PlanProblems.invalid(List.of(new FieldError("issuer", UnitCodes.MALFORMED)));
		}
		Integer wantedYear = null;
		if (year != null) {
			try {
				wantedYear = Integer.parseInt(year);
			}
			catch (NumberFormatException ex) {
				wantedYear = -1;
			}
			if (wantedYear < PlanValidator.EARLIEST_DAY.getYear() || wantedYear > PlanValidator.LATEST_DAY.getYear()) {
				throw PlanProblems.invalid(List.of(new FieldError("year", "Năm là số từ 2000 đến 2100.")));
			}
		}
		List<StoredPlan> candidates = (issuer != null) ? this.plans.findByIssuer(issuer)
				: this.plans.findAll(MAX_LISTED);
		Integer filterYear = wantedYear;
		PlanReadPermission permission = new PlanReadPermission(caller, this.units.tree());
		return candidates.stream()
			.map(PlanSummary::of)
			.filter((plan) -> issuer == null || plan.issuerCode().equals(issuer))
			.filter((plan) -> filterYear == null
					|| (plan.from().getYear() <= filterYear && plan.to().getYear() >= filterYear))
			.filter(permission::mayRead)
			.sorted(Comparator.comparing(PlanSummary::from).thenComparing(PlanSummary::planId))
			.limit(MAX_LISTED)
			.toList();
	}

	@Override
	public ImplementationReport implementation(Caller caller, String planId, @Nullable String on) {
		LocalDate day;
		try {
			day = (on != null) ? LocalDate.parse(on) : this.lifecycle.today();
		}
		catch (DateTimeParseException ex) {
			throw PlanProblems.invalid(List.of(new FieldError("on", "Phải là một ngày có thật dạng \"YYYY-MM-DD\".")));
		}
		StoredPlan stored = this.lifecycle.require(planId);
		new PlanReadPermission(caller, this.units.tree()).requireIssuer(stored);
		if (stored.isDraft()) {
			throw PlanProblems.notIssued(planId);
		}
		return this.implementation.report(stored, day);
	}

	/**
	 * The plan, if there is one (404) and the caller may read it (403): plans are public
	 * documents, so that a plan exists is no secret, only what a caller may read is.
	 */
	private StoredPlan readable(Caller caller, String planId) {
		StoredPlan stored = this.lifecycle.require(planId);
		new PlanReadPermission(caller, this.units.tree()).require(stored);
		return stored;
	}

	private static URI location(String planId) {
		return URI.create(PATH + "/" + planId);
	}

}
