package vn.gov.cchc.plan.plan;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;

/**
 * A plan in a list.
 *
 * @param planId the plan id
 * @param status where it is in its life
 * @param version its latest version (0 for a draft)
 * @param revision its revision
 * @param number official number
 * @param title title
 * @param issuerCode issuing unit
 * @param from first day covered
 * @param to last day covered
 * @param parentPlanId the plan it implements
 */
public record PlanSummary(String planId, PlanStatus status, int version, long revision, String number, String title,
		String issuerCode, LocalDate from, LocalDate to, @Nullable String parentPlanId) {

	static PlanSummary of(StoredPlan stored) {
		PlanDetails plan = stored.current();
		return new PlanSummary(stored.planId(), stored.status(), plan.version(), stored.revision(), plan.number(),
				plan.title(), plan.issuerCode(), plan.from(), plan.to(), plan.basis().parentPlanId());
	}

}
