package vn.gov.cchc.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A plan was issued: its first version is in force. Keyed by the plan id on
 * {@link Topics#PLANS}.
 *
 * @param plan the whole plan as of this event
 * @param occurredAt when it happened (UTC)
 */
public record PlanIssued(PlanDetails plan, Instant occurredAt) {

	public PlanIssued {
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
