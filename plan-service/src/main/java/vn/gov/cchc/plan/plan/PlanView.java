package vn.gov.cchc.plan.plan;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;

/**
 * A plan as the API shows it.
 *
 * @param planId the plan id
 * @param status where the plan is in its life
 * @param revision send it back with the next change to be told if someone else changed
 * the plan in between
 * @param plan what the plan says now: the draft (version 0) of a draft, else the latest
 * version with the plan's status
 * @param closedOn the closing date, once closed
 * @param closeReason why it was closed, if given
 */
public record PlanView(String planId, PlanStatus status, long revision, PlanDetails plan, @Nullable LocalDate closedOn,
		@Nullable String closeReason) {

	static PlanView of(StoredPlan stored) {
		return new PlanView(stored.planId(), stored.status(), stored.revision(), stored.current(), stored.closedOn(),
				stored.closeReason());
	}

}
