package vn.gov.cchc.plan.plan;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/plans/{planId}:derive}: a lower unit starts its own
 * plan from the one it implements.
 *
 * @param planId id of the new plan
 * @param issuerCode the lower unit
 * @param number its number; the parent's until edited when absent
 * @param title its title; the parent's until edited when absent
 */
public record DeriveRequest(@Nullable String planId, @Nullable String issuerCode, @Nullable String number,
		@Nullable String title) {

}
