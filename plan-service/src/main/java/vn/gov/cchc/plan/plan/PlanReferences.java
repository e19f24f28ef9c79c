package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.Optional;

import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;

/**
 * What a plan refers to outside itself: units and the plan it implements. An interface so
 * that {@link PlanValidator}'s rules can be tested against a tree held in memory.
 */
interface PlanReferences {

	Optional<UnitDetails> unit(String code);

	/**
	 * Whether the unit is the ancestor or below it on the given day (a unit is within
	 * itself).
	 */
	boolean isWithin(String code, String ancestorCode, LocalDate day);

	/** The plan's latest issued version with its status; empty if never issued. */
	Optional<PlanDetails> planInForce(String planId);

}
