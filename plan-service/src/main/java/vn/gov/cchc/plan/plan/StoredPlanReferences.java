package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.Optional;

import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.plan.unit.Units;

import org.springframework.stereotype.Component;

/**
 * {@link PlanReferences} answered by this service's unit view and plans.
 */
@Component
class StoredPlanReferences implements PlanReferences {

	private final Units units;

	private final Plans plans;

	StoredPlanReferences(Units units, Plans plans) {
		this.units = units;
		this.plans = plans;
	}

	@Override
	public Optional<UnitDetails> unit(String code) {
		return this.units.find(code);
	}

	@Override
	public boolean isWithin(String code, String ancestorCode, LocalDate day) {
		return this.units.isWithin(code, ancestorCode, day);
	}

	@Override
	public Optional<PlanDetails> planInForce(String planId) {
		return this.plans.findInForce(planId);
	}

}
