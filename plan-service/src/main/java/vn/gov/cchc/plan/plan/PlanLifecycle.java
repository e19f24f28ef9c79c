package vn.gov.cchc.plan.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.outbox.OutboxEvent;
import vn.gov.cchc.plan.unit.UnitCodes;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.stereotype.Service;

/**
 * A plan's life: draft, issue, amendments, closing, and drafts derived from a higher
 * unit's plan.
 *
 * <p>
 * Why: docs/plans.md, "A plan's life (PlanLifecycle)".
 */
@Service
class PlanLifecycle {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/**
	 * Keeps a plan's document well below MongoDB's 16 MiB: every version is stored, and
	 * each pending event once more.
	 */
	static final long MAX_STORED_BYTES = 12_000_000L;

	private final Plans plans;

	private final PlanReferences references;

	private final PlanValidator validator;

	private final PlanEvents events;

	private final Clock clock;

	PlanLifecycle(Plans plans, PlanReferences references, PlanEvents events, Clock clock) {
		this.plans = plans;
		this.references = references;
		this.validator = new PlanValidator(references);
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The result of a write that may create the plan.
	 *
	 * @param plan the plan after the write
	 * @param created whether the plan did not exist before
	 */
	record Saved(StoredPlan plan, boolean created) {

	}

	Saved saveDraft(String planId, PlanRequest request) {
		checkPlanId(planId);
		StoredPlan stored = this.plans.find(planId).orElse(null);
		if (stored == null) {
			PlanDetails draft = this.validator.draft(planId, request, List.of());
			if (!this.plans.insertDraft(draft)) {
				throw PlanProblems.modifiedConcurrently(planId, reload(planId).revision());
			}
			return new Saved(reload(planId), true);
		}
		if (!stored.isDraft()) {
			throw PlanProblems.notDraft(planId);
		}
		checkRevision(stored, request.revision());
		PlanDetails draft = this.validator.draft(planId, request, List.of());
		if (draft.equals(stored.draft())) {
			return new Saved(stored, false);
		}
		if (!this.plans.replaceDraft(planId, stored.revision(), draft)) {
			throw PlanProblems.modifiedConcurrently(planId, reload(planId).revision());
		}
		return new Saved(reload(planId), false);
	}

	StoredPlan issue(String planId, IssueRequest request) {
		StoredPlan stored = require(planId);
		if (!stored.isDraft()) {
			LocalDate issuedOn = stored.versions().get(0).issuedOn();
			if (issuedOn != null && issuedOn.equals(request.issuedOn())) {
				return stored;
			}
			throw PlanProblems.alreadyIssued(planId, Objects.requireNonNull(issuedOn));
		}
		checkRevision(stored, request.revision());
		PlanDetails draft = Objects.requireNonNull(stored.draft(), "draft");
		List<FieldError> errors = new ArrayList<>();
		LocalDate issuedOn = request.issuedOn();
		if (issuedOn == null) {
			errors.add(new FieldError("issuedOn", PlanValidator.REQUIRED));
		}
		else if (issuedOn.isAfter(tomorrow())) {
			errors.add(new FieldError("issuedOn", "Ngày ban hành không được sau ngày mai (giờ Việt Nam)."));
		}
		else if (issuedOn.isAfter(draft.to())) {
			errors.add(new FieldError("issuedOn",
					"Ngày ban hành không được sau ngày kết thúc của kế hoạch (" + draft.to() + ")."));
		}
		else if (issuedOn.isBefore(draft.from().minusYears(1))) {
			errors.add(new FieldError("issuedOn",
					"Ngày ban hành không được sớm hơn một năm trước ngày bắt đầu của kế hoạch (" + draft.from()
							+ ")."));
		}
		// Units and the parent plan may have changed since the draft was saved.
		PlanDetails checked = this.validator.draft(planId, PlanRequest.of(draft, null), errors);
		Instant now = now();
		PlanDetails version = as(checked, 1, PlanStatus.ISSUED, issuedOn);
		OutboxEvent event = this.events.issued(version, now);
		PlanChange change = new PlanChange(1, PlanStatus.ISSUED, Objects.requireNonNull(issuedOn), null, now,
				event.eventId());
		if (!this.plans.issue(planId, stored.revision(), version, change, event)) {
			throw PlanProblems.modifiedConcurrently(planId, reload(planId).revision());
		}
		return reload(planId);
	}

	StoredPlan amend(String planId, AmendmentRequest request) {
		StoredPlan stored = require(planId);
		requireInForce(stored);
		checkRevision(stored, request.revision());
		PlanDetails latest = stored.latest();
		PlanChange lastChange = stored.lastChange().orElse(null);
		List<FieldError> errors = new ArrayList<>();
		String reason = reason(request.reason(), true, errors);
		LocalDate amendedOn = (request.amendedOn() != null) ? request.amendedOn() : today();
		if (amendedOn.isAfter(tomorrow())) {
			errors.add(new FieldError("amendedOn", "Ngày điều chỉnh không được sau ngày mai (giờ Việt Nam)."));
		}
		else if (lastChange != null && amendedOn.isBefore(lastChange.on())) {
			errors.add(new FieldError("amendedOn",
					"Ngày điều chỉnh không được trước lần thay đổi gần nhất (" + lastChange.on() + ")."));
		}
		if (request.issuerCode() != null && !request.issuerCode().strip().equals(latest.issuerCode())) {
			errors.add(new FieldError("issuerCode",
					"Điều chỉnh không đổi được đơn vị ban hành (" + latest.issuerCode() + ")."));
		}
		PlanDetails checked = this.validator.draft(planId, request.plan(), errors);
		PlanDetails version = as(checked, latest.version() + 1, PlanStatus.AMENDED, latest.issuedOn());
		if (lastChange != null && lastChange.status() == PlanStatus.AMENDED && amendedOn.equals(lastChange.on())
				&& Objects.equals(reason, lastChange.reason())
				&& as(version, latest.version(), latest.status(), latest.issuedOn()).equals(latest)) {
			return stored;
		}
		Instant now = now();
		OutboxEvent event = this.events.amended(version, now);
		long projected = (long) event.cloudEvent().length() * (stored.versions().size() + 2);
		if (projected > MAX_STORED_BYTES) {
			throw PlanProblems.tooLarge("Kế hoạch đã có " + stored.versions().size()
					+ " phiên bản; thêm một phiên bản cỡ này vượt giới hạn lưu trữ của một kế hoạch. "
					+ "Hãy ban hành kế hoạch mới thay thế.");
		}
		PlanChange change = new PlanChange(version.version(), PlanStatus.AMENDED, amendedOn, reason, now,
				event.eventId());
		if (!this.plans.amend(planId, stored.revision(), version, change, event)) {
			throw PlanProblems.modifiedConcurrently(planId, reload(planId).revision());
		}
		return reload(planId);
	}

	StoredPlan close(String planId, CloseRequest request) {
		StoredPlan stored = require(planId);
		if (stored.status() == PlanStatus.CLOSED) {
			if (request.closedOn() == null || request.closedOn().equals(stored.closedOn())) {
				return stored;
			}
			throw PlanProblems.closed(planId);
		}
		requireInForce(stored);
		checkRevision(stored, request.revision());
		List<FieldError> errors = new ArrayList<>();
		String reason = reason(request.reason(), false, errors);
		LocalDate closedOn = (request.closedOn() != null) ? request.closedOn() : today();
		PlanChange lastChange = stored.lastChange().orElse(null);
		if (closedOn.isAfter(tomorrow())) {
			errors.add(new FieldError("closedOn", "Ngày kết thúc không được sau ngày mai (giờ Việt Nam)."));
		}
		else if (lastChange != null && closedOn.isBefore(lastChange.on())) {
			errors.add(new FieldError("closedOn",
					"Ngày kết thúc không được trước lần thay đổi gần nhất (" + lastChange.on() + ")."));
		}
		if (!errors.isEmpty()) {
			throw PlanProblems.invalid(errors);
		}
		Instant now = now();
		PlanDetails closed = Plans.withStatus(stored.latest(), PlanStatus.CLOSED);
		OutboxEvent event = this.events.closed(closed, now);
		PlanChange change = new PlanChange(closed.version(), PlanStatus.CLOSED, closedOn, reason, now, event.eventId());
		if (!this.plans.close(planId, stored.revision(), closedOn, reason, change, event)) {
			throw PlanProblems.modifiedConcurrently(planId, reload(planId).revision());
		}
		return reload(planId);
	}

	/**
	 * Starts a lower unit's plan from the plan it implements ({@link PlanDerivation} says
	 * what it inherits), as a draft of the unit's own.
	 */
	Saved derive(String parentPlanId, DeriveRequest request) {
		StoredPlan parentStored = require(parentPlanId);
		requireInForce(parentStored);
		PlanDetails parent = parentStored.current();
		List<FieldError> errors = new ArrayList<>();
		String planId = request.planId();
		if (planId == null || planId.isBlank()) {
			errors.add(new FieldError("planId", PlanValidator.REQUIRED));
		}
		else if (!PlanValidator.isPlanId(planId)) {
			errors.add(new FieldError("planId", PlanValidator.PLAN_ID_MESSAGE));
		}
		else if (planId.equals(parentPlanId)) {
			errors.add(new FieldError("planId", "Kế hoạch mới phải có mã khác kế hoạch cấp trên."));
		}
		String issuerCode = request.issuerCode();
		if (issuerCode == null || issuerCode.isBlank()) {
			errors.add(new FieldError("issuerCode", PlanValidator.REQUIRED));
		}
		else if (!UnitCodes.isWellFormed(issuerCode)) {
			errors.add(new FieldError("issuerCode", UnitCodes.MALFORMED));
		}
		if (!errors.isEmpty()) {
			throw PlanProblems.invalid(errors);
		}
		UnitDetails child = this.references.unit(issuerCode)
			.orElseThrow(() -> unprocessable("issuerCode", "Không có đơn vị nào mang mã " + issuerCode + "."));
		LocalDate from = child.validFrom().isAfter(parent.from()) ? child.validFrom() : parent.from();
		if (!child.validOn(from) || from.isAfter(parent.to())) {
			throw unprocessable("issuerCode",
					"Đơn vị " + issuerCode + " không tồn tại trong thời gian của kế hoạch " + parentPlanId + ".");
		}
		if (issuerCode.equals(parent.issuerCode())
				|| !this.references.isWithin(issuerCode, parent.issuerCode(), from)) {
			throw unprocessable("issuerCode", "Đơn vị " + issuerCode + " không thuộc " + parent.issuerCode()
					+ ", đơn vị ban hành kế hoạch " + parentPlanId + ", vào ngày " + from + ".");
		}
		if (this.plans.find(planId).isPresent()) {
			throw PlanProblems.exists(planId);
		}
		String parentIssuer = this.references.unit(parent.issuerCode())
			.map(UnitDetails::name)
			.orElse(parent.issuerCode());
		PlanRequest derived = PlanDerivation.request(parent, parentIssuer, child, from, request);
		PlanDetails draft = this.validator.draft(planId, derived, List.of());
		if (!this.plans.insertDraft(draft)) {
			throw PlanProblems.exists(planId);
		}
		return new Saved(reload(planId), true);
	}

	StoredPlan require(String planId) {
		checkPlanId(planId);
		return this.plans.find(planId).orElseThrow(() -> PlanProblems.notFound(planId));
	}

	private StoredPlan reload(String planId) {
		return this.plans.find(planId).orElseThrow(() -> PlanProblems.notFound(planId));
	}

	private static void checkPlanId(String planId) {
		if (!PlanValidator.isPlanId(planId)) {
			throw PlanProblems.invalid(List.of(new FieldError("planId", PlanValidator.PLAN_ID_MESSAGE)));
		}
	}

	private static void requireInForce(StoredPlan plan) {
		if (plan.status() == PlanStatus.DRAFT) {
			throw PlanProblems.notIssued(plan.planId());
		}
		if (plan.status() == PlanStatus.CLOSED) {
			throw PlanProblems.closed(plan.planId());
		}
	}

	private static void checkRevision(StoredPlan plan, @Nullable Long revision) {
		if (revision != null && revision != plan.revision()) {
			throw PlanProblems.modifiedConcurrently(plan.planId(), plan.revision());
		}
	}

	private static @Nullable String reason(@Nullable String reason, boolean required, List<FieldError> errors) {
		if (reason == null || reason.isBlank()) {
			if (required) {
				errors.add(new FieldError("reason", "Cần nêu lý do điều chỉnh."));
			}
			return null;
		}
		String stripped = reason.strip();
		if (stripped.codePointCount(0, stripped.length()) > PlanValidator.MAX_NOTE_LENGTH) {
			errors.add(new FieldError("reason", "Tối đa " + PlanValidator.MAX_NOTE_LENGTH + " ký tự."));
			return null;
		}
		if (stripped.chars().anyMatch((c) -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
			errors.add(new FieldError("reason", "Không được chứa ký tự điều khiển (chỉ cho phép xuống dòng và tab)."));
			return null;
		}
		return stripped;
	}

	private static PlanDetails as(PlanDetails plan, int version, PlanStatus status, @Nullable LocalDate issuedOn) {
		return new PlanDetails(plan.planId(), version, status, plan.number(), plan.title(), plan.issuerCode(), issuedOn,
				plan.from(), plan.to(), plan.basis(), plan.contentAreas(), plan.activities(), plan.targets(),
				plan.budgetVnd(), plan.budgetNote(), plan.reporting());
	}

	private static ProblemException unprocessable(String field, String message) {
		return new ProblemException(Problems.unprocessable("invalid-plan-references",
				"Kế hoạch tham chiếu không hợp lệ", message, List.of(new FieldError(field, message))));
	}

	private Instant now() {
		// Stored as ISO text with millisecond precision, so published with it.
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(VIETNAM));
	}

	private LocalDate tomorrow() {
		return today().plusDays(1);
	}

}
