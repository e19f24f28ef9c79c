package vn.gov.cchc.plan.plan;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitKind;

/**
 * Which units under a plan's issuer have issued their own plan implementing it.
 *
 * @param planId the plan implemented
 * @param issuerCode its issuer
 * @param on the day the units under the issuer are taken from
 * @param issued units with an issued (or since amended or closed) plan implementing it
 * @param notIssued units without one, or with only a draft
 */
public record ImplementationReport(String planId, String issuerCode, LocalDate on, List<Unit> issued,
		List<Unit> notIssued) {

	/**
	 * @param unitCode the unit
	 * @param name its name
	 * @param kind its kind
	 * @param planId its plan implementing the parent, if it has one
	 * @param status that plan's status
	 */
	public record Unit(String unitCode, String name, UnitKind kind, @Nullable String planId,
			@Nullable PlanStatus status) {

	}

}
