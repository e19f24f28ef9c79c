package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.plan.unit.Units;

import org.springframework.stereotype.Service;

/**
 * Tells a higher unit which of its units have issued their own plan implementing one of
 * its plans.
 */
@Service
class PlanImplementation {

	private static final Set<UnitKind> BELOW_PROVINCE = Set.of(UnitKind.DISTRICT, UnitKind.COMMUNE);

	private final Plans plans;

	private final Units units;

	PlanImplementation(Plans plans, Units units) {
		this.plans = plans;
		this.units = units;
	}

	/**
	 * The issuer's children on the given day that the plan gives work to: those of a kind
	 * it assigns activities or targets to, or above such a kind in the territorial tree
	 * (a district passes the communes' work on); every district and commune child when it
	 * assigns none. A child has issued when a plan of its own naming this one as its
	 * basis is issued, amended or closed; a draft does not count.
	 */
	ImplementationReport report(StoredPlan plan, LocalDate on) {
		PlanDetails current = plan.current();
		Set<UnitKind> kinds = PlanDerivation.assignedKinds(current);
		Map<String, StoredPlan> ownPlans = new HashMap<>();
		for (StoredPlan implementing : this.plans.findImplementing(plan.planId())) {
			PlanDetails content = implementing.current();
			if (!plan.planId().equals(content.basis().parentPlanId())) {
				// Only an earlier version named it.
				continue;
			}
			ownPlans.merge(content.issuerCode(), implementing,
					(kept, other) -> (kept.isDraft() && !other.isDraft()) ? other : kept);
		}
		List<ImplementationReport.Unit> issued = new ArrayList<>();
		List<ImplementationReport.Unit> notIssued = new ArrayList<>();
		for (UnitDetails child : this.units.childrenOn(current.issuerCode(), on)) {
			boolean givenWork = kinds.isEmpty() ? BELOW_PROVINCE.contains(child.kind())
					: kinds.stream().anyMatch((kind) -> PlanDerivation.assigned(kind, child.kind()));
			if (!givenWork) {
				continue;
			}
			StoredPlan own = ownPlans.get(child.code());
			ImplementationReport.Unit unit = new ImplementationReport.Unit(child.code(), child.name(), child.kind(),
					(own != null) ? own.planId() : null, (own != null) ? own.status() : null);
			((own != null && own.status() != PlanStatus.DRAFT) ? issued : notIssued).add(unit);
		}
		issued.sort(Comparator.comparing(ImplementationReport.Unit::unitCode));
		notIssued.sort(Comparator.comparing(ImplementationReport.Unit::unitCode));
		return new ImplementationReport(plan.planId(), current.issuerCode(), on, issued, notIssued);
	}

}
