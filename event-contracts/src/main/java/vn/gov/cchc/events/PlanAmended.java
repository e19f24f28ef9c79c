package vn.gov.cchc.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An issued plan was amended: a new version replaces the previous one, which stays
 * readable. Keyed by the plan id on {@link Topics#PLANS}.
 *
 * @param plan the whole plan as of this event
 * @param occurredAt when it happened (UTC)
 */
public record PlanAmended(PlanDetails plan, Instant occurredAt) {

	public PlanAmended {
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
