package vn.gov.cchc.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A plan was closed: it takes no more amendments. Keyed by the plan id on
 * {@link Topics#PLANS}.
 *
 * @param plan the whole plan as of this event
 * @param occurredAt when it happened (UTC)
 */
public record PlanClosed(PlanDetails plan, Instant occurredAt) {

	public PlanClosed {
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
