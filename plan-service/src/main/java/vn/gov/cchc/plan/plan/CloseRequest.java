package vn.gov.cchc.plan.plan;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/plans/{planId}:close}; it may be empty.
 *
 * @param closedOn the closing date; today (Vietnam) when absent
 * @param reason why, as written
 * @param revision the revision the plan was read at
 */
public record CloseRequest(@Nullable LocalDate closedOn, @Nullable String reason, @Nullable Long revision) {

}
