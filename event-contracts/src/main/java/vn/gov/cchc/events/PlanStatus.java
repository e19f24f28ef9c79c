package vn.gov.cchc.events;

/**
 * Where a plan is in its life: draft, then issued, then changed only by amendment, then
 * closed.
 */
public enum PlanStatus {

	DRAFT, ISSUED, AMENDED, CLOSED

}
