package vn.gov.cchc.plan.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.plan.validation.Violations;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;

/**
 * The rules a plan's content must keep before it is stored as a draft, and again before
 * it is issued or amended (units and the parent plan may have changed in between). The
 * rules of the request's shape are the annotations of {@link PlanRequest}; here are those
 * that need other fields or the store. Every broken rule is reported at once, each naming
 * its field by JSON path (e.g. {@code activities[2].leadUnitCode}). A plan that breaks a
 * rule of its own shape is answered 400; one that is well formed but refers to units or a
 * parent plan that do not fit is answered 422.
 */
class PlanValidator {

	static final int MAX_NOTE_LENGTH = 2000;

	static final LocalDate EARLIEST_DAY = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST_DAY = LocalDate.of(2100, 12, 31);

	static final int MAX_YEARS = 5;

	static final String PLAN_ID_MESSAGE = Violations.message("plan.id");

	static final String REQUIRED = Violations.message("cchc.required");

	private static final Pattern PLAN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

	private static final Set<PlanDetails.Cadence.Kind> PERIODIC = EnumSet.of(PlanDetails.Cadence.Kind.PER_WEEK,
			PlanDetails.Cadence.Kind.PER_MONTH, PlanDetails.Cadence.Kind.PER_QUARTER,
			PlanDetails.Cadence.Kind.PER_YEAR);

	private static final Validator shapes = Violations.validator();

	private final PlanReferences references;

	PlanValidator(PlanReferences references) {
		this.references = references;
	}

	static boolean isPlanId(@Nullable String planId) {
		return planId != null && PLAN_ID.matcher(planId).matches();
	}

	/**
	 * Checks a plan's content.
	 * @param planId the plan it is for (checked by the caller)
	 * @param request the content
	 * @param moreErrors errors of the surrounding request (e.g. an amendment's reason),
	 * reported together with the plan's
	 * @return the plan as a draft: version 0, no issue date, texts stripped, defaults
	 * applied
	 * @throws ProblemException 400 (or 422 when only references are wrong) naming every
	 * offending field
	 */
	PlanDetails draft(String planId, PlanRequest request, List<FieldError> moreErrors) {
		PlanCheck check = new PlanCheck(this.references, moreErrors);
		check.shapes.addAll(Violations.errors(shapes.validate(request), ""));
		LocalDate from = check.ok("from") ? request.from() : null;
		LocalDate to = check.ok("to") ? request.to() : null;
		if (from != null && to != null && to.isBefore(from)) {
			check.shape("to", "Ngày kết thúc không được trước ngày bắt đầu (from).");
		}
		else if (from != null && to != null && !to.isBefore(from.plusYears(MAX_YEARS))) {
			check.shape("to", "Kế hoạch kéo dài tối đa " + MAX_YEARS + " năm.");
		}
		check.from = from;
		check.to = check.ok("to") ? to : null;
		String issuerCode = check.ok("issuerCode") ? request.issuerCode() : null;
		UnitDetails issuer = (issuerCode != null) ? check.knownUnit("issuerCode", issuerCode) : null;
		if (issuer != null && from != null && !issuer.validOn(from)) {
			check.reference("issuerCode",
					"Đơn vị " + issuerCode + " không tồn tại vào ngày bắt đầu của kế hoạch (from).");
		}
		String parentPlanId = (request.basis() != null) ? PlanRequest.text(request.basis().parentPlanId()) : null;
		PlanDetails parent = null;
		if (parentPlanId != null && parentPlanId.equals(planId) && check.ok("basis.parentPlanId")) {
			check.shape("basis.parentPlanId", "Kế hoạch không thể thực hiện chính nó.");
		}
		else if (parentPlanId != null && check.ok("basis.parentPlanId")) {
			parent = checkParent(check, parentPlanId, issuerCode, from, check.to);
		}
		Map<String, List<String>> metricsOfActivities = activities(check, request, parent);
		targets(check, request, metricsOfActivities, parent);
		deadlines(check, request.reporting());
		check.throwIfAny();
		return request.toDraft(planId);
	}

	private static @Nullable PlanDetails checkParent(PlanCheck check, String parentPlanId, @Nullable String issuerCode,
			@Nullable LocalDate from, @Nullable LocalDate to) {
		String at = "basis.parentPlanId";
		Optional<PlanDetails> found = check.references.planInForce(parentPlanId);
		if (found.isEmpty()) {
			check.reference(at, "Không có kế hoạch nào đã ban hành mang mã " + parentPlanId + ".");
			return null;
		}
		PlanDetails parent = found.get();
		if (parent.status() == PlanStatus.CLOSED) {
			check.reference(at, "Kế hoạch " + parentPlanId + " đã kết thúc, không còn hiệu lực để thực hiện.");
			return parent;
		}
		if (issuerCode != null && from != null && (parent.issuerCode().equals(issuerCode)
				|| !check.references.isWithin(issuerCode, parent.issuerCode(), from))) {
			check.reference(at,
					"Kế hoạch cấp trên phải do một đơn vị cấp trên của đơn vị ban hành (issuerCode) " + "ban hành; "
							+ parent.issuerCode() + " không phải cấp trên của " + issuerCode + " vào ngày " + from
							+ ".");
		}
		if (from != null && to != null && (from.isAfter(parent.to()) || to.isBefore(parent.from()))) {
			check.reference(at, "Thời gian của kế hoạch cấp trên (" + parent.from() + " – " + parent.to()
					+ ") không giao với thời gian của kế hoạch này.");
		}
		return parent;
	}

	/**
	 * @return the metrics of the activities without fault, by id, for the targets
	 */
	private static Map<String, List<String>> activities(PlanCheck check, PlanRequest plan,
			@Nullable PlanDetails parent) {
		Map<String, List<String>> metricsOfActivities = new HashMap<>();
		Map<String, Integer> firstIndexOfId = new HashMap<>();
		List<PlanRequest.@Nullable Activity> requests = PlanRequest.list(plan.activities());
		for (int i = 0; i < requests.size() && !check.has("activities"); i++) {
			String at = "activities[" + i + "]";
			PlanRequest.Activity request = requests.get(i);
			if (request == null) {
				continue;
			}
			check.uniqueId(at + ".activityId", request.activityId(), firstIndexOfId, i, "Mã hoạt động");
			PlanRequest.Cadence cadence = request.cadence();
			if (cadence != null && cadence.kind() != null && PERIODIC.contains(cadence.kind())
					&& (cadence.times() == null || cadence.times() < 1) && check.ok(at + ".cadence.times")) {
				check.shape(at + ".cadence.times", "Nhịp định kỳ (" + cadence.kind() + ") cần số lần ít nhất là 1.");
			}
			String lead = check.ok(at + ".leadUnitCode") ? PlanRequest.text(request.leadUnitCode()) : null;
			if (request.leadUnitCode() == null && PlanRequest.list(request.leadUnitKinds()).isEmpty()) {
				check.shape(at + ".leadUnitCode", "Cần đơn vị chủ trì (leadUnitCode) hoặc các loại đơn vị chủ trì "
						+ "(leadUnitKinds, ví dụ [\"DISTRICT\", \"COMMUNE\"]).");
			}
			else if (lead != null) {
				check.unitDuringPlan(at + ".leadUnitCode", lead);
			}
			List<@Nullable String> coordinating = PlanRequest.list(request.coordinatingUnitCodes());
			for (int j = 0; j < coordinating.size() && !check.has(at + ".coordinatingUnitCodes"); j++) {
				String code = coordinating.get(j);
				if (code != null && code.equals(lead)) {
					check.shape(at + ".coordinatingUnitCodes[" + j + "]",
							"Đơn vị chủ trì không đồng thời là đơn vị phối hợp.");
				}
				else if (code != null && check.ok(at + ".coordinatingUnitCodes[" + j + "]")) {
					check.unitDuringPlan(at + ".coordinatingUnitCodes[" + j + "]", code);
				}
			}
			check.inheritedFrom(at + ".inheritedFrom", request.inheritedFrom(), parent,
					(id) -> parent.activities().stream().anyMatch((activity) -> activity.activityId().equals(id)),
					"hoạt động");
			if (check.ok(at)) {
				metricsOfActivities.put(request.activityId(), PlanRequest.list(request.metrics()));
			}
		}
		return metricsOfActivities;
	}

	private static void targets(PlanCheck check, PlanRequest plan, Map<String, List<String>> metricsOfActivities,
			@Nullable PlanDetails parent) {
		Map<String, Integer> firstIndexOfId = new HashMap<>();
		List<PlanRequest.@Nullable Target> requests = PlanRequest.list(plan.targets());
		for (int i = 0; i < requests.size() && !check.has("targets"); i++) {
			String at = "targets[" + i + "]";
			PlanRequest.Target request = requests.get(i);
			if (request == null) {
				continue;
			}
			check.uniqueId(at + ".targetId", request.targetId(), firstIndexOfId, i, "Mã chỉ tiêu");
			PlanDetails.Target.Measure measure = request.measure();
			BigDecimal value = request.value();
			if (measure == PlanDetails.Target.Measure.LEVEL && check.ok(at + ".level")
					&& PlanRequest.text(request.level()) == null) {
				check.shape(at + ".level", "Chỉ tiêu xếp loại (LEVEL) cần mức xếp loại, ví dụ \"Tốt\".");
			}
			else if (measure != PlanDetails.Target.Measure.LEVEL && value == null) {
				check.shape(at + ".value", "Cần giá trị chỉ tiêu (chỉ tiêu xếp loại LEVEL mới được bỏ trống).");
			}
			else if (measure == PlanDetails.Target.Measure.PERCENT && check.ok(at + ".value")
					&& value.compareTo(BigDecimal.valueOf(100)) > 0) {
				check.shape(at + ".value", "Tỷ lệ phần trăm từ 0 đến 100.");
			}
			else if (measure == PlanDetails.Target.Measure.RANK && check.ok(at + ".value")
					&& value.compareTo(BigDecimal.ONE) < 0) {
				check.shape(at + ".value", "Thứ hạng bắt đầu từ 1.");
			}
			String activityId = check.ok(at + ".activityId") ? PlanRequest.text(request.activityId()) : null;
			List<String> metrics = (activityId != null) ? metricsOfActivities.get(activityId) : null;
			if (activityId != null && metrics == null) {
				check.shape(at + ".activityId", "Không có hoạt động " + activityId + " trong kế hoạch này.");
			}
			String metric = request.metric();
			if (metric != null && check.ok(at + ".metric") && activityId == null) {
				check.shape(at + ".metric", "Chỉ số chỉ có nghĩa khi có hoạt động (activityId) để đếm.");
			}
			else if (metric != null && check.ok(at + ".metric") && metrics != null && !metrics.contains(metric)) {
				check.shape(at + ".metric",
						"Chỉ số " + metric + " không thuộc hoạt động " + activityId + " (" + metrics + ").");
			}
			check.inheritedFrom(at + ".inheritedFrom", request.inheritedFrom(), parent,
					(id) -> parent.targets().stream().anyMatch((target) -> target.targetId().equals(id)), "chỉ tiêu");
		}
	}

	private static void deadlines(PlanCheck check, PlanRequest.@Nullable Reporting reporting) {
		if (reporting == null) {
			return;
		}
		List<PlanRequest.@Nullable Deadline> deadlines = PlanRequest.list(reporting.deadlines());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < deadlines.size() && !check.has("reporting.deadlines"); i++) {
			String at = "reporting.deadlines[" + i + "]";
			PlanRequest.Deadline deadline = deadlines.get(i);
			if (deadline == null) {
				continue;
			}
			if (deadline.period() != null && !PlanRequest.list(reporting.periods()).contains(deadline.period())) {
				check.shape(at + ".period",
						"Kỳ " + deadline.period() + " không có trong danh sách kỳ báo cáo (reporting.periods).");
			}
			else if (deadline.period() != null && !seen.add(deadline.period() + "/" + deadline.level())) {
				check.shape(at + ".period", "Đã có hạn nộp cho kỳ " + deadline.period()
						+ ((deadline.level() != null) ? " và cấp " + deadline.level() : " cho mọi cấp") + ".");
			}
			if ((deadline.dueBefore() == null) == (deadline.daysAfterCutOff() == null)) {
				check.shape(at + ".dueBefore",
						"Ghi đúng một trong hai: dueBefore (ngày trong năm, ví dụ --06-15) hoặc daysAfterCutOff.");
			}
		}
		String receiver = reporting.receiverUnitCode();
		if (receiver != null && check.ok("reporting.receiverUnitCode")) {
			check.unitDuringPlan("reporting.receiverUnitCode", receiver);
		}
	}

}
