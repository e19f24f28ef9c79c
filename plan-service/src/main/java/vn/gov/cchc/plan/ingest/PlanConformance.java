package vn.gov.cchc.plan.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.plan.plan.Plans;
import vn.gov.cchc.plan.unit.UnitDirectory;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.stereotype.Component;

/**
 * Whether a report fits the issued plan it names and the unit tree on its day: the plan
 * is in force (issued, amended or closed; never a draft), the activity is one of the
 * plan's, the day is inside the plan, the unit existed that day and is the activity's
 * lead, one of its coordinating units, or a unit of its lead kind under the plan's issuer
 * that day, and every metric is one the activity is counted in.
 *
 * <p>
 * Plans and units are read from memory ({@link Plans#inForce}, {@link UnitDirectory}),
 * kept current from {@code cchc.plans} and {@code cchc.units}: no store read per report.
 */
@Component
class PlanConformance {

	static final String SLUG = "progress-does-not-fit-plan";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Plans plans;

	private final UnitDirectory units;

	PlanConformance(Plans plans, UnitDirectory units) {
		this.plans = plans;
		this.units = units;
	}

	/** Look-ups remembered for one request, so a batch asks for each plan once. */
	Lookups lookups() {
		return new Lookups();
	}

	/**
	 * @throws ProblemException 422 naming every field that does not fit
	 */
	void check(ValidProgress progress, Lookups lookups) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate date = progress.date();
		Optional<UnitDetails> unit = lookups.unit(progress.unitCode());
		boolean unitExisted = false;
		if (unit.isEmpty()) {
			errors.add(new FieldError("unitCode", "Không có đơn vị nào mang mã này."));
		}
		else if (!unit.get().validOn(date)) {
			errors.add(new FieldError("unitCode", "Đơn vị " + unit.get().name() + " không tồn tại vào ngày "
					+ DAY.format(date) + " (hiệu lực " + period(unit.get()) + ")."));
		}
		else {
			unitExisted = true;
		}
		Optional<PlanDetails> plan = lookups.plan(progress.planId());
		if (plan.isEmpty()) {
			errors.add(new FieldError("planId", "Không có kế hoạch đã ban hành nào mang mã này."));
			throw unfit(errors);
		}
		PlanDetails inForce = plan.get();
		if (!inForce.covers(date)) {
			errors.add(new FieldError("date", "Ngày thực hiện nằm ngoài thời gian của kế hoạch ("
					+ DAY.format(inForce.from()) + " – " + DAY.format(inForce.to()) + ")."));
		}
		PlanDetails.Activity activity = inForce.activities()
			.stream()
			.filter((candidate) -> candidate.activityId().equals(progress.activityId()))
			.findFirst()
			.orElse(null);
		if (activity == null) {
			errors.add(new FieldError("activityId", "Kế hoạch " + inForce.number() + " không có hoạt động này."));
			throw unfit(errors);
		}
		if (unitExisted && !isAssigned(unit.get(), activity, inForce, date, lookups)) {
			errors.add(new FieldError("unitCode", "Đơn vị không chủ trì, không phối hợp thực hiện hoạt động "
					+ activity.activityId() + " của kế hoạch này"
					+ (activity.leadUnitKinds().isEmpty() ? "." : " và không phải đơn vị loại "
							+ activity.leadUnitKinds().stream().map(Enum::name).collect(Collectors.joining(", "))
							+ " thuộc đơn vị ban hành.")));
		}
		for (String metric : progress.quantities().keySet()) {
			if (!activity.metrics().contains(metric)) {
				errors.add(new FieldError("quantities." + metric,
						"Hoạt động " + activity.activityId() + " không tính theo chỉ số này; chỉ số của hoạt động: "
								+ String.join(", ", activity.metrics()) + "."));
			}
		}
		if (!errors.isEmpty()) {
			throw unfit(errors);
		}
	}

	private static boolean isAssigned(UnitDetails unit, PlanDetails.Activity activity, PlanDetails plan, LocalDate date,
			Lookups lookups) {
		if (unit.code().equals(activity.leadUnitCode()) || activity.coordinatingUnitCodes().contains(unit.code())) {
			return true;
		}
		return activity.leadUnitKinds().contains(unit.kind()) && lookups.within(unit.code(), plan.issuerCode(), date);
	}

	private static String period(UnitDetails unit) {
		return "từ " + DAY.format(unit.validFrom())
				+ ((unit.validTo() != null) ? " đến " + DAY.format(unit.validTo()) : "");
	}

	static ProblemException unfit(List<FieldError> errors) {
		return new ProblemException(Problems.unprocessable(SLUG, "Báo cáo không khớp với kế hoạch đã ban hành",
				"Báo cáo không khớp với kế hoạch đã ban hành hoặc với đơn vị vào ngày thực hiện; xem danh sách lỗi.",
				errors));
	}

	/** Plans and units as found during one request. */
	final class Lookups {

		private final Map<String, Optional<PlanDetails>> plans = new HashMap<>();

		private final Map<String, Optional<UnitDetails>> units = new HashMap<>();

		private final Map<String, Boolean> within = new HashMap<>();

		Optional<PlanDetails> plan(String planId) {
			return this.plans.computeIfAbsent(planId, PlanConformance.this.plans::inForce);
		}

		Optional<UnitDetails> unit(String code) {
			return this.units.computeIfAbsent(code, PlanConformance.this.units::find);
		}

		boolean within(String code, String ancestorCode, LocalDate day) {
			return this.within.computeIfAbsent(code + "|" + ancestorCode + "|" + day,
					(key) -> PlanConformance.this.units.isWithin(code, ancestorCode, day));
		}

	}

}
