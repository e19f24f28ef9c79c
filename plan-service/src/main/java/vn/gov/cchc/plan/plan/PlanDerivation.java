package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

/**
 * What a lower unit's plan inherits from the plan it implements: the same period (from
 * the day the unit exists, if later), content areas and reporting regime, and the work
 * the parent assigns to the unit's level.
 *
 * <p>
 * An activity is inherited when the unit leads it by name, when it is assigned to the
 * unit's kind (the unit then leads it by name in its own plan), or when it is assigned to
 * a territorial level below the unit's (a district's plan passes the communes' activities
 * on to the communes under it, so the kind stays). Targets are inherited by their
 * {@code appliesTo} on the same terms; a target keeps its activity only if that activity
 * was inherited too. Budgets are left at 0: the parent's figures are its own money, not
 * the unit's.
 */
final class PlanDerivation {

	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final List<UnitKind> TERRITORIAL = List.of(UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE);

	private PlanDerivation() {
	}

	/**
	 * The draft request of the unit's plan: what it inherits, marked with where it came
	 * from.
	 */
	static PlanRequest request(PlanDetails parent, String parentIssuerName, UnitDetails child, LocalDate from,
			DeriveRequest request) {
		List<PlanRequest.Activity> activities = new ArrayList<>();
		List<String> inheritedActivities = new ArrayList<>();
		for (PlanDetails.Activity activity : parent.activities()) {
			boolean ledByName = child.code().equals(activity.leadUnitCode());
			List<UnitKind> kinds = activity.leadUnitKinds()
				.stream()
				.filter((kind) -> assigned(kind, child.kind()))
				.toList();
			if (!ledByName && kinds.isEmpty()) {
				continue;
			}
			// Assigned to the unit's own kind: in the unit's plan the unit itself leads
			// it; the kinds below it keep leading their share under it.
			boolean ownKind = kinds.contains(child.kind());
			List<UnitKind> lowerKinds = kinds.stream().filter((kind) -> kind != child.kind()).toList();
			List<String> coordinating = activity.coordinatingUnitCodes()
				.stream()
				.filter((code) -> !code.equals(child.code()))
				.toList();
			PlanDetails.Cadence cadence = activity.cadence();
			activities.add(new PlanRequest.Activity(activity.activityId(), activity.title(), activity.form(),
					List.copyOf(activity.contentAreas()),
					new PlanRequest.Cadence(cadence.kind(), cadence.times(), cadence.minutesEach(), cadence.text()),
					(ledByName || ownKind) ? child.code() : null, lowerKinds, activity.leadLabel(), coordinating,
					List.copyOf(activity.metrics()), List.copyOf(activity.expectedEvidence()),
					activity.expectedProducts(), 0L, parent.planId() + "/" + activity.activityId()));
			inheritedActivities.add(activity.activityId());
		}
		List<PlanRequest.Target> targets = new ArrayList<>();
		for (PlanDetails.Target target : parent.targets()) {
			if (target.appliesTo() == null || !assigned(target.appliesTo(), child.kind())) {
				continue;
			}
			boolean keepsActivity = target.activityId() != null && inheritedActivities.contains(target.activityId());
			targets.add(new PlanRequest.Target(target.targetId(), target.description(), target.kind(), target.measure(),
					target.comparison(), target.value(), target.level(), keepsActivity ? target.activityId() : null,
					target.appliesTo(), target.group(), keepsActivity ? target.metric() : null, target.index(),
					parent.planId() + "/" + target.targetId()));
		}
		String citation = "Kế hoạch số " + parent.number()
				+ ((parent.issuedOn() != null) ? " ngày " + VIETNAMESE_DATE.format(parent.issuedOn()) : "") + " của "
				+ parentIssuerName;
		return new PlanRequest((request.number() != null) ? request.number() : parent.number(),
				(request.title() != null) ? request.title() : parent.title(), child.code(), from, parent.to(),
				new PlanRequest.Basis(parent.planId(), List.of(citation)), List.copyOf(parent.contentAreas()),
				activities, targets, 0L, null, PlanRequest.Reporting.of(parent.reporting()), null);
	}

	/**
	 * Whether work assigned to units of one kind falls to a unit of the other: the same
	 * kind, or a territorial level below the unit's.
	 */
	static boolean assigned(UnitKind assignedKind, UnitKind unitKind) {
		if (assignedKind == unitKind) {
			return true;
		}
		int assignedLevel = TERRITORIAL.indexOf(assignedKind);
		int unitLevel = TERRITORIAL.indexOf(unitKind);
		return assignedLevel >= 0 && unitLevel >= 0 && assignedLevel > unitLevel;
	}

	/** The kinds of unit the plan assigns activities or targets to. */
	static Set<UnitKind> assignedKinds(PlanDetails plan) {
		Set<UnitKind> kinds = new TreeSet<>();
		plan.activities().stream().flatMap((activity) -> activity.leadUnitKinds().stream()).forEach(kinds::add);
		plan.targets().stream().map(PlanDetails.Target::appliesTo).filter(Objects::nonNull).forEach(kinds::add);
		return kinds;
	}

}
