package vn.gov.cchc.plan.plan;

import vn.gov.cchc.plan.unit.UnitTree;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.ReadScope;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.security.ScopeDeniedException;
import vn.gov.cchc.security.UnitPaths;

/**
 * Which plans a caller may read. One instance serves one request.
 *
 * <p>
 * Why: docs/plans.md, "Who may read a plan (PlanReadPermission)".
 */
final class PlanReadPermission {

	private final Caller caller;

	private final UnitTree tree;

	PlanReadPermission(Caller caller, UnitTree tree) {
		this.caller = caller;
		this.tree = tree;
	}

	/** Whether the caller may read the plan. */
	boolean mayRead(PlanSummary plan) {
		if (!this.caller.hasAny(Role.OFFICER, Role.REVIEWER, Role.ADMIN)) {
			return false;
		}
		if (this.caller.has(Role.ADMIN)) {
			return true;
		}
		UnitPaths paths = this.tree.during(plan.from(), plan.to());
		return ReadScope.of(this.caller, paths).covers(plan.issuerCode())
				|| paths.pathOf(this.caller.unitCode()).contains(plan.issuerCode());
	}

	/**
	 * Refuses with 403, naming {@code planId}, unless the caller may read the plan.
	 */
	void require(StoredPlan stored) {
		PlanSummary plan = PlanSummary.of(stored);
		if (!mayRead(plan)) {
			throw denied(plan, "kế hoạch của đơn vị ");
		}
	}

	/**
	 * Refuses with 403, naming {@code planId}, unless the caller may read the plan's
	 * issuer: its subtree's progress with their own plans is the issuer's.
	 */
	void requireIssuer(StoredPlan stored) {
		PlanSummary plan = PlanSummary.of(stored);
		if (!this.caller.has(Role.ADMIN)
				&& !ReadScope.of(this.caller, this.tree.during(plan.from(), plan.to())).covers(plan.issuerCode())) {
			throw denied(plan, "tình hình thực hiện kế hoạch của đơn vị ");
		}
	}

	private ScopeDeniedException denied(PlanSummary plan, String what) {
		return new ScopeDeniedException("planId", "Tài khoản của đơn vị " + this.caller.unitCode() + " không được xem "
				+ what + plan.issuerCode() + " (" + plan.planId() + ").");
	}

}
