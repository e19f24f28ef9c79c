package vn.gov.cchc.plan.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.ContentArea;
import vn.gov.cchc.events.EvidenceKind;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.plan.unit.UnitCodes;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

/**
 * The rules a plan's content must keep before it is stored as a draft, and again before
 * it is issued or amended (units and the parent plan may have changed in between). Every
 * broken rule is reported at once, each naming its field by JSON path (e.g.
 * {@code activities[2].leadUnitCode}). A plan that breaks a rule of its own shape is
 * answered 400; one that is well formed but refers to units or a parent plan that do not
 * fit is answered 422.
 *
 * <p>
 * Free text is bounded, stripped of surrounding blanks and refused if it holds control
 * characters; it is stored and published as text and never interpreted.
 */
class PlanValidator {

	static final int MAX_TITLE_LENGTH = 500;

	static final int MAX_NOTE_LENGTH = 2000;

	static final int MAX_DOCUMENTS = 50;

	static final int MAX_ACTIVITIES = 100;

	static final int MAX_TARGETS = 100;

	static final int MAX_METRICS = 20;

	static final int MAX_COORDINATING_UNITS = 50;

	static final int MAX_DEADLINES = 30;

	static final int MAX_YEARS = 5;

	static final long MAX_BUDGET_VND = 10_000_000_000_000L;

	static final BigDecimal MAX_TARGET_VALUE = BigDecimal.valueOf(MAX_BUDGET_VND);

	static final int MAX_TIMES = 1000;

	static final int MAX_MINUTES = 1440;

	static final int MAX_DAYS_AFTER_CUT_OFF = 366;

	static final LocalDate EARLIEST_DAY = LocalDate.of(2000, 1, 1);

	static final LocalDate LATEST_DAY = LocalDate.of(2100, 12, 31);

	static final Pattern PLAN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

	static final String PLAN_ID_MESSAGE = "Mã kế hoạch gồm 1–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, "
			+ "gạch dưới hoặc gạch ngang, bắt đầu bằng chữ cái hoặc chữ số.";

	static final String REQUIRED = "Trường này là bắt buộc.";

	/**
	 * Vietnamese document numbers: {@code 22/KH-UBND}, {@code 780/KH-SXD},
	 * {@code 125a/KH-UBND}; {@code …/KH-UBND} for a plan published with its number left
	 * blank, as some are.
	 */
	private static final Pattern NUMBER = Pattern.compile("^([0-9]{1,6}[a-z]?|…)/[A-ZĐ]+(-[A-ZĐ]+)*$");

	private static final int MAX_NUMBER_LENGTH = 40;

	private static final Pattern ITEM_ID = Pattern.compile("^[A-Z0-9][A-Z0-9._-]{0,19}$");

	private static final Pattern METRIC = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

	private static final Pattern GROUP = Pattern.compile("^[a-z][a-z0-9-]{0,59}$");

	private static final int MAX_LEVEL_LENGTH = 100;

	private static final int MAX_INHERITED_FROM_LENGTH = 100;

	private static final int MAX_TARGET_SCALE = 4;

	private static final Set<PlanDetails.Cadence.Kind> PERIODIC = EnumSet.of(PlanDetails.Cadence.Kind.PER_WEEK,
			PlanDetails.Cadence.Kind.PER_MONTH, PlanDetails.Cadence.Kind.PER_QUARTER,
			PlanDetails.Cadence.Kind.PER_YEAR);

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
		Check check = new Check(this.references, moreErrors);
		String number = check.requiredText("number", request.number(), MAX_NUMBER_LENGTH);
		if (number != null && !NUMBER.matcher(number).matches()) {
			check.shape("number",
					"Số kế hoạch có dạng số/ký hiệu, ví dụ 22/KH-UBND (…/KH-UBND khi văn bản "
							+ "để trống số): chữ số, dấu /, chữ in hoa và dấu gạch ngang, tối đa " + MAX_NUMBER_LENGTH
							+ " ký tự.");
		}
		String title = check.requiredText("title", request.title(), MAX_TITLE_LENGTH);
		String issuerCode = check.unitCode("issuerCode", request.issuerCode(), true);
		LocalDate from = check.day("from", request.from());
		LocalDate to = check.day("to", request.to());
		if (from != null && to != null) {
			if (to.isBefore(from)) {
				check.shape("to", "Ngày kết thúc không được trước ngày bắt đầu (from).");
				to = null;
			}
			else if (!to.isBefore(from.plusYears(MAX_YEARS))) {
				check.shape("to", "Kế hoạch kéo dài tối đa " + MAX_YEARS + " năm.");
				to = null;
			}
		}
		check.period(from, to);
		if (issuerCode != null) {
			UnitDetails issuer = check.knownUnit("issuerCode", issuerCode);
			if (issuer != null && from != null && !issuer.validOn(from)) {
				check.reference("issuerCode",
						"Đơn vị " + issuerCode + " không tồn tại vào ngày bắt đầu của kế hoạch (from).");
			}
		}
		PlanDetails parent = null;
		PlanDetails.Basis basis = new PlanDetails.Basis(null, List.of());
		if (request.basis() != null) {
			String parentPlanId = check.optionalText("basis.parentPlanId", request.basis().parentPlanId(), 64);
			if (parentPlanId != null && !isPlanId(parentPlanId)) {
				check.shape("basis.parentPlanId", PLAN_ID_MESSAGE);
				parentPlanId = null;
			}
			else if (parentPlanId != null && parentPlanId.equals(planId)) {
				check.shape("basis.parentPlanId", "Kế hoạch không thể thực hiện chính nó.");
				parentPlanId = null;
			}
			List<String> documents = check.texts("basis.documents", request.basis().documents(), MAX_DOCUMENTS,
					MAX_TITLE_LENGTH);
			if (parentPlanId != null) {
				parent = checkParent(check, parentPlanId, issuerCode, from, to);
			}
			basis = new PlanDetails.Basis(parentPlanId, documents);
		}
		List<ContentArea> contentAreas = check.distinct("contentAreas", request.contentAreas(), true,
				"Cần ít nhất một lĩnh vực cải cách.");
		List<PlanDetails.Activity> activities = activities(check, request.activities(), parent);
		List<PlanDetails.Target> targets = targets(check, request.targets(), activities, parent);
		long budgetVnd = check.budget("budgetVnd", request.budgetVnd());
		String budgetNote = check.optionalText("budgetNote", request.budgetNote(), MAX_NOTE_LENGTH);
		PlanDetails.ReportingRegime reporting = reporting(check, request.reporting());
		check.throwIfAny();
		return new PlanDetails(planId, 0, PlanStatus.DRAFT, number, title, issuerCode, null, from, to, basis,
				contentAreas, activities, targets, budgetVnd, budgetNote, reporting);
	}

	private static @Nullable PlanDetails checkParent(Check check, String parentPlanId, @Nullable String issuerCode,
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

	private static List<PlanDetails.Activity> activities(Check check,
			@Nullable List<PlanRequest.@Nullable Activity> requests, @Nullable PlanDetails parent) {
		if (requests == null) {
			return List.of();
		}
		if (requests.size() > MAX_ACTIVITIES) {
			check.shape("activities", "Tối đa " + MAX_ACTIVITIES + " hoạt động.");
			return List.of();
		}
		List<PlanDetails.Activity> activities = new ArrayList<>(requests.size());
		Map<String, Integer> firstIndexOfId = new HashMap<>();
		for (int i = 0; i < requests.size(); i++) {
			String at = "activities[" + i + "]";
			PlanRequest.Activity request = requests.get(i);
			if (request == null) {
				check.shape(at, "Phần tử phải là một hoạt động, không được là null.");
				continue;
			}
			int errorsBefore = check.count();
			String activityId = check.itemId(at + ".activityId", request.activityId(), firstIndexOfId, i,
					"Mã hoạt động");
			// An appendix row's content is often a paragraph, longer than a plan's title.
			String title = check.requiredText(at + ".title", request.title(), MAX_NOTE_LENGTH);
			if (request.form() == null) {
				check.shape(at + ".form", REQUIRED);
			}
			List<ContentArea> contentAreas = check.distinct(at + ".contentAreas", request.contentAreas(), false, null);
			PlanDetails.Cadence cadence = cadence(check, at + ".cadence", request.cadence());
			String leadUnitCode = check.unitCode(at + ".leadUnitCode", request.leadUnitCode(), false);
			List<UnitKind> leadUnitKinds = check.distinct(at + ".leadUnitKinds", request.leadUnitKinds(), false, null);
			if (request.leadUnitCode() == null
					&& (request.leadUnitKinds() == null || request.leadUnitKinds().isEmpty())) {
				check.shape(at + ".leadUnitCode", "Cần đơn vị chủ trì (leadUnitCode) hoặc các loại đơn vị chủ trì "
						+ "(leadUnitKinds, ví dụ [\"DISTRICT\", \"COMMUNE\"]).");
			}
			if (leadUnitCode != null) {
				check.unitDuringPlan(at + ".leadUnitCode", leadUnitCode);
			}
			String leadLabel = check.optionalText(at + ".leadLabel", request.leadLabel(), MAX_TITLE_LENGTH);
			List<String> coordinating = coordinatingUnits(check, at + ".coordinatingUnitCodes",
					request.coordinatingUnitCodes(), leadUnitCode);
			List<String> metrics = metrics(check, at + ".metrics", request.metrics());
			List<EvidenceKind> evidence = check.distinct(at + ".expectedEvidence", request.expectedEvidence(), false,
					null);
			String products = check.optionalText(at + ".expectedProducts", request.expectedProducts(), MAX_NOTE_LENGTH);
			long budgetVnd = check.budget(at + ".budgetVnd", request.budgetVnd());
			String inheritedFrom = check.inheritedFrom(at + ".inheritedFrom", request.inheritedFrom(), parent,
					(id) -> parent != null
							&& parent.activities().stream().anyMatch((activity) -> activity.activityId().equals(id)),
					"hoạt động");
			if (check.count() == errorsBefore) {
				activities.add(new PlanDetails.Activity(activityId, title, request.form(), contentAreas, cadence,
						leadUnitCode, leadUnitKinds, leadLabel, coordinating, metrics, evidence, products, budgetVnd,
						inheritedFrom));
			}
		}
		return activities;
	}

	private static PlanDetails.@Nullable Cadence cadence(Check check, String at,
			PlanRequest.@Nullable Cadence request) {
		if (request == null) {
			check.shape(at, REQUIRED);
			return null;
		}
		int times = (request.times() != null) ? request.times() : 0;
		int minutes = (request.minutesEach() != null) ? request.minutesEach() : 0;
		boolean valid = true;
		if (request.kind() == null) {
			check.shape(at + ".kind", REQUIRED);
			valid = false;
		}
		if (times < 0 || times > MAX_TIMES) {
			check.shape(at + ".times", "Số lần từ 0 đến " + MAX_TIMES + ".");
			valid = false;
		}
		else if (request.kind() != null && PERIODIC.contains(request.kind()) && times < 1) {
			check.shape(at + ".times", "Nhịp định kỳ (" + request.kind() + ") cần số lần ít nhất là 1.");
			valid = false;
		}
		if (minutes < 0 || minutes > MAX_MINUTES) {
			check.shape(at + ".minutesEach", "Số phút mỗi lần từ 0 đến " + MAX_MINUTES + " (một ngày).");
			valid = false;
		}
		String text = check.optionalText(at + ".text", request.text(), MAX_TITLE_LENGTH);
		return valid ? new PlanDetails.Cadence(request.kind(), times, minutes, text) : null;
	}

	private static List<String> coordinatingUnits(Check check, String at, @Nullable List<@Nullable String> codes,
			@Nullable String leadUnitCode) {
		if (codes == null) {
			return List.of();
		}
		if (codes.size() > MAX_COORDINATING_UNITS) {
			check.shape(at, "Tối đa " + MAX_COORDINATING_UNITS + " đơn vị phối hợp.");
			return List.of();
		}
		List<String> valid = new ArrayList<>(codes.size());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < codes.size(); i++) {
			String path = at + "[" + i + "]";
			String code = check.unitCode(path, codes.get(i), true);
			if (code == null) {
				continue;
			}
			if (!seen.add(code)) {
				check.shape(path, "Đơn vị phối hợp bị lặp lại.");
			}
			else if (code.equals(leadUnitCode)) {
				check.shape(path, "Đơn vị chủ trì không đồng thời là đơn vị phối hợp.");
			}
			else {
				check.unitDuringPlan(path, code);
				valid.add(code);
			}
		}
		return valid;
	}

	private static List<String> metrics(Check check, String at, @Nullable List<@Nullable String> metrics) {
		if (metrics == null || metrics.isEmpty()) {
			check.shape(at, (metrics == null) ? REQUIRED
					: "Cần ít nhất một chỉ số để báo cáo tiến độ (ví dụ broadcasts, minutes).");
			return List.of();
		}
		if (metrics.size() > MAX_METRICS) {
			check.shape(at, "Tối đa " + MAX_METRICS + " chỉ số.");
			return List.of();
		}
		List<String> valid = new ArrayList<>(metrics.size());
		for (int i = 0; i < metrics.size(); i++) {
			String path = at + "[" + i + "]";
			String metric = metrics.get(i);
			if (metric == null) {
				check.shape(path, REQUIRED);
			}
			else if (!METRIC.matcher(metric).matches()) {
				check.shape(path, "Tên chỉ số bắt đầu bằng chữ thường, chỉ gồm chữ thường không dấu, chữ số "
						+ "và gạch dưới, tối đa 40 ký tự (ví dụ broadcasts, minutes).");
			}
			else if (valid.contains(metric)) {
				check.shape(path, "Chỉ số bị lặp lại.");
			}
			else {
				valid.add(metric);
			}
		}
		return valid;
	}

	private static List<PlanDetails.Target> targets(Check check, @Nullable List<PlanRequest.@Nullable Target> requests,
			List<PlanDetails.Activity> activities, @Nullable PlanDetails parent) {
		if (requests == null) {
			return List.of();
		}
		if (requests.size() > MAX_TARGETS) {
			check.shape("targets", "Tối đa " + MAX_TARGETS + " chỉ tiêu.");
			return List.of();
		}
		Map<String, PlanDetails.Activity> activitiesById = new LinkedHashMap<>();
		activities.forEach((activity) -> activitiesById.put(activity.activityId(), activity));
		List<PlanDetails.Target> targets = new ArrayList<>(requests.size());
		Map<String, Integer> firstIndexOfId = new HashMap<>();
		for (int i = 0; i < requests.size(); i++) {
			String at = "targets[" + i + "]";
			PlanRequest.Target request = requests.get(i);
			if (request == null) {
				check.shape(at, "Phần tử phải là một chỉ tiêu, không được là null.");
				continue;
			}
			int errorsBefore = check.count();
			String targetId = check.itemId(at + ".targetId", request.targetId(), firstIndexOfId, i, "Mã chỉ tiêu");
			String description = check.requiredText(at + ".description", request.description(), MAX_NOTE_LENGTH);
			if (request.kind() == null) {
				check.shape(at + ".kind", REQUIRED);
			}
			if (request.measure() == null) {
				check.shape(at + ".measure", REQUIRED);
			}
			if (request.comparison() == null) {
				check.shape(at + ".comparison", REQUIRED);
			}
			String level = check.optionalText(at + ".level", request.level(), MAX_LEVEL_LENGTH);
			targetValue(check, at, request.measure(), request.value(), level);
			String activityId = check.optionalText(at + ".activityId", request.activityId(), 20);
			PlanDetails.Activity activity = null;
			if (activityId != null) {
				activity = activitiesById.get(activityId);
				if (activity == null) {
					check.shape(at + ".activityId", "Không có hoạt động " + activityId + " trong kế hoạch này.");
				}
			}
			String metric = request.metric();
			if (metric != null) {
				if (!METRIC.matcher(metric).matches()) {
					check.shape(at + ".metric", "Tên chỉ số bắt đầu bằng chữ thường, chỉ gồm chữ thường không dấu, "
							+ "chữ số và gạch dưới, tối đa 40 ký tự.");
				}
				else if (activityId == null) {
					check.shape(at + ".metric", "Chỉ số chỉ có nghĩa khi có hoạt động (activityId) để đếm.");
				}
				else if (activity != null && !activity.metrics().contains(metric)) {
					check.shape(at + ".metric", "Chỉ số " + metric + " không thuộc hoạt động " + activityId + " ("
							+ activity.metrics() + ").");
				}
			}
			String group = request.group();
			if (group != null && !GROUP.matcher(group).matches()) {
				check.shape(at + ".group", "Tên nhóm đơn vị gồm chữ thường không dấu, chữ số và gạch ngang, "
						+ "tối đa 60 ký tự (ví dụ commune-radio-stations).");
			}
			String index = check.optionalText(at + ".index", request.index(), MAX_LEVEL_LENGTH);
			String inheritedFrom = check.inheritedFrom(at + ".inheritedFrom", request.inheritedFrom(), parent,
					(id) -> parent != null
							&& parent.targets().stream().anyMatch((target) -> target.targetId().equals(id)),
					"chỉ tiêu");
			if (check.count() == errorsBefore) {
				targets.add(new PlanDetails.Target(targetId, description, request.kind(), request.measure(),
						request.comparison(), request.value(), level, activityId, request.appliesTo(), group, metric,
						index, inheritedFrom));
			}
		}
		return targets;
	}

	private static void targetValue(Check check, String at, PlanDetails.Target.@Nullable Measure measure,
			@Nullable BigDecimal value, @Nullable String level) {
		if (measure == PlanDetails.Target.Measure.LEVEL) {
			if (level == null) {
				check.shape(at + ".level", "Chỉ tiêu xếp loại (LEVEL) cần mức xếp loại, ví dụ \"Tốt\".");
			}
			return;
		}
		if (value == null) {
			check.shape(at + ".value", "Cần giá trị chỉ tiêu (chỉ tiêu xếp loại LEVEL mới được bỏ trống).");
			return;
		}
		if (value.signum() < 0 || value.compareTo(MAX_TARGET_VALUE) > 0) {
			check.shape(at + ".value", "Giá trị chỉ tiêu từ 0 đến 10.000.000.000.000.");
		}
		else if (value.stripTrailingZeros().scale() > MAX_TARGET_SCALE) {
			check.shape(at + ".value", "Giá trị chỉ tiêu có tối đa " + MAX_TARGET_SCALE + " chữ số thập phân.");
		}
		else if (measure == PlanDetails.Target.Measure.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			check.shape(at + ".value", "Tỷ lệ phần trăm từ 0 đến 100.");
		}
		else if (measure == PlanDetails.Target.Measure.RANK && value.compareTo(BigDecimal.ONE) < 0) {
			check.shape(at + ".value", "Thứ hạng bắt đầu từ 1.");
		}
	}

	private static PlanDetails.@Nullable ReportingRegime reporting(Check check,
			PlanRequest.@Nullable Reporting request) {
		if (request == null) {
			check.shape("reporting", REQUIRED);
			return null;
		}
		int errorsBefore = check.count();
		List<PeriodType> periods = check.distinct("reporting.periods", request.periods(), true,
				"Cần ít nhất một loại kỳ báo cáo (ví dụ HALF_YEAR, YEAR).");
		PlanDetails.ReportingRegime.CutOff cutOff = (request.cutOff() != null) ? request.cutOff()
				: PlanDetails.ReportingRegime.CutOff.DECREE_09_2019;
		List<PlanDetails.Deadline> deadlines = deadlines(check, request.deadlines(), periods);
		String receiver = check.unitCode("reporting.receiverUnitCode", request.receiverUnitCode(), true);
		if (receiver != null) {
			check.unitDuringPlan("reporting.receiverUnitCode", receiver);
		}
		String note = check.optionalText("reporting.note", request.note(), MAX_NOTE_LENGTH);
		if (check.count() != errorsBefore) {
			return null;
		}
		return new PlanDetails.ReportingRegime(periods, cutOff, deadlines, receiver, note);
	}

	private static List<PlanDetails.Deadline> deadlines(Check check,
			@Nullable List<PlanRequest.@Nullable Deadline> requests, List<PeriodType> periods) {
		if (requests == null) {
			return List.of();
		}
		if (requests.size() > MAX_DEADLINES) {
			check.shape("reporting.deadlines", "Tối đa " + MAX_DEADLINES + " hạn nộp.");
			return List.of();
		}
		List<PlanDetails.Deadline> deadlines = new ArrayList<>(requests.size());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < requests.size(); i++) {
			String at = "reporting.deadlines[" + i + "]";
			PlanRequest.Deadline request = requests.get(i);
			if (request == null) {
				check.shape(at, "Phần tử phải là một hạn nộp, không được là null.");
				continue;
			}
			int errorsBefore = check.count();
			if (request.period() == null) {
				check.shape(at + ".period", REQUIRED);
			}
			else if (!periods.contains(request.period())) {
				check.shape(at + ".period",
						"Kỳ " + request.period() + " không có trong danh sách kỳ báo cáo (reporting.periods).");
			}
			else if (!seen.add(request.period() + "/" + request.level())) {
				check.shape(at + ".period", "Đã có hạn nộp cho kỳ " + request.period()
						+ ((request.level() != null) ? " và cấp " + request.level() : " cho mọi cấp") + ".");
			}
			if ((request.dueBefore() == null) == (request.daysAfterCutOff() == null)) {
				check.shape(at + ".dueBefore",
						"Ghi đúng một trong hai: dueBefore (ngày trong năm, ví dụ --06-15) hoặc daysAfterCutOff.");
			}
			else if (request.daysAfterCutOff() != null
					&& (request.daysAfterCutOff() < 0 || request.daysAfterCutOff() > MAX_DAYS_AFTER_CUT_OFF)) {
				check.shape(at + ".daysAfterCutOff", "Số ngày sau ngày chốt số liệu từ 0 đến 366.");
			}
			if (check.count() == errorsBefore) {
				deadlines.add(new PlanDetails.Deadline(request.period(), request.level(), request.dueBefore(),
						request.daysAfterCutOff()));
			}
		}
		return deadlines;
	}

	/**
	 * The errors of one validation and the lookups it made, so that a unit named in many
	 * rows is looked up once.
	 */
	private static final class Check {

		private final PlanReferences references;

		private final List<FieldError> errors;

		private int shapeErrors;

		private final Map<String, Optional<UnitDetails>> units = new HashMap<>();

		private @Nullable LocalDate from;

		private @Nullable LocalDate to;

		Check(PlanReferences references, List<FieldError> moreErrors) {
			this.references = references;
			this.errors = new ArrayList<>(moreErrors);
			this.shapeErrors = moreErrors.size();
		}

		int count() {
			return this.errors.size();
		}

		void shape(String field, String message) {
			this.errors.add(new FieldError(field, message));
			this.shapeErrors++;
		}

		void reference(String field, String message) {
			this.errors.add(new FieldError(field, message));
		}

		void period(@Nullable LocalDate from, @Nullable LocalDate to) {
			this.from = from;
			this.to = to;
		}

		void throwIfAny() {
			if (this.errors.isEmpty()) {
				return;
			}
			if (this.shapeErrors == 0) {
				throw new ProblemException(Problems.unprocessable("invalid-plan-references",
						"Kế hoạch tham chiếu không hợp lệ",
						"Kế hoạch nêu đơn vị hoặc kế hoạch cấp trên không khớp với dữ liệu đã có; xem danh sách lỗi.",
						this.errors));
			}
			throw new ProblemException(Problems.invalid(this.errors));
		}

		@Nullable String requiredText(String field, @Nullable String value, int maxLength) {
			if (value == null || value.isBlank()) {
				shape(field, REQUIRED);
				return null;
			}
			return boundedText(field, value, maxLength);
		}

		@Nullable String optionalText(String field, @Nullable String value, int maxLength) {
			if (value == null || value.isBlank()) {
				return null;
			}
			return boundedText(field, value, maxLength);
		}

		private @Nullable String boundedText(String field, String value, int maxLength) {
			String stripped = value.strip();
			if (stripped.codePointCount(0, stripped.length()) > maxLength) {
				shape(field, "Tối đa " + maxLength + " ký tự.");
				return null;
			}
			if (stripped.chars().anyMatch(Check::isControl)) {
				shape(field, "Không được chứa ký tự điều khiển (chỉ cho phép xuống dòng và tab).");
				return null;
			}
			return stripped;
		}

		private static boolean isControl(int c) {
			return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
		}

		List<String> texts(String field, @Nullable List<@Nullable String> values, int maxItems, int maxLength) {
			if (values == null) {
				return List.of();
			}
			if (values.size() > maxItems) {
				shape(field, "Tối đa " + maxItems + " mục.");
				return List.of();
			}
			List<String> texts = new ArrayList<>(values.size());
			for (int i = 0; i < values.size(); i++) {
				String text = requiredText(field + "[" + i + "]", values.get(i), maxLength);
				if (text != null) {
					texts.add(text);
				}
			}
			return texts;
		}

		@Nullable LocalDate day(String field, @Nullable LocalDate day) {
			if (day == null) {
				shape(field, REQUIRED);
				return null;
			}
			if (day.isBefore(EARLIEST_DAY) || day.isAfter(LATEST_DAY)) {
				shape(field, "Ngày phải trong khoảng 01/01/2000 đến 31/12/2100.");
				return null;
			}
			return day;
		}

		<E extends Enum<E>> List<E> distinct(String field, @Nullable List<@Nullable E> values, boolean required,
				@Nullable String emptyMessage) {
			if (values == null || values.isEmpty()) {
				if (required) {
					shape(field, (values == null) ? REQUIRED : emptyMessage);
				}
				return List.of();
			}
			List<E> valid = new ArrayList<>(values.size());
			for (int i = 0; i < values.size(); i++) {
				E value = values.get(i);
				if (value == null) {
					shape(field + "[" + i + "]", REQUIRED);
				}
				else if (valid.contains(value)) {
					shape(field + "[" + i + "]", "Giá trị " + value + " bị lặp lại.");
				}
				else {
					valid.add(value);
				}
			}
			return valid;
		}

		@Nullable String itemId(String field, @Nullable String id, Map<String, Integer> firstIndexOfId, int index, String label) {
			if (id == null || id.isBlank()) {
				shape(field, REQUIRED);
				return null;
			}
			if (!ITEM_ID.matcher(id).matches()) {
				shape(field, label + " gồm 1–20 ký tự: chữ in hoa không dấu, chữ số, dấu chấm, gạch dưới hoặc "
						+ "gạch ngang, bắt đầu bằng chữ hoặc số (ví dụ HD01, CT01).");
				return null;
			}
			Integer first = firstIndexOfId.putIfAbsent(id, index);
			if (first != null) {
				shape(field, label + " " + id + " trùng với phần tử [" + first + "].");
				return null;
			}
			return id;
		}

		long budget(String field, @Nullable Long budget) {
			long value = (budget != null) ? budget : 0L;
			if (value < 0 || value > MAX_BUDGET_VND) {
				shape(field, "Kinh phí là số nguyên đồng từ 0 đến 10.000.000.000.000 (mười nghìn tỷ).");
			}
			return value;
		}

		@Nullable String unitCode(String field, @Nullable String code, boolean required) {
			if (code == null || code.isBlank()) {
				if (required) {
					shape(field, REQUIRED);
				}
				return null;
			}
			if (!UnitCodes.isWellFormed(code)) {
				shape(field, UnitCodes.MALFORMED);
				return null;
			}
			return code;
		}

		@Nullable UnitDetails knownUnit(String field, String code) {
			Optional<UnitDetails> unit = this.units.computeIfAbsent(code, this.references::unit);
			if (unit.isEmpty()) {
				reference(field, "Không có đơn vị nào mang mã " + code + ".");
				return null;
			}
			return unit.get();
		}

		/** A unit named in the plan must exist on some day the plan covers. */
		void unitDuringPlan(String field, String code) {
			UnitDetails unit = knownUnit(field, code);
			if (unit == null || this.from == null || this.to == null) {
				return;
			}
			if (unit.validFrom().isAfter(this.to) || (unit.validTo() != null && unit.validTo().isBefore(this.from))) {
				reference(field, "Đơn vị " + code + " không tồn tại trong thời gian của kế hoạch.");
			}
		}

		@Nullable String inheritedFrom(String field, @Nullable String value, @Nullable PlanDetails parent,
				Predicate<String> parentHas, String what) {
			String inheritedFrom = optionalText(field, value, MAX_INHERITED_FROM_LENGTH);
			if (inheritedFrom == null) {
				return null;
			}
			if (parent == null) {
				shape(field, "Chỉ ghi nguồn kế thừa khi kế hoạch thực hiện một kế hoạch cấp trên "
						+ "(basis.parentPlanId) đã ban hành.");
				return null;
			}
			String prefix = parent.planId() + "/";
			if (!inheritedFrom.startsWith(prefix) || !parentHas.test(inheritedFrom.substring(prefix.length()))) {
				reference(field,
						"Nguồn kế thừa có dạng " + prefix + "<mã>, với mã là một " + what + " của kế hoạch cấp trên.");
				return null;
			}
			return inheritedFrom;
		}

	}

}
