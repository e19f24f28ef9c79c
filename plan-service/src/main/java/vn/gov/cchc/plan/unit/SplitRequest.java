package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code POST /api/v1/units:split}: one unit ends and several new units take it over.
 *
 * @param predecessorCode the unit that ends the day before {@code effectiveOn}
 * @param successors the new units, in the {@code PUT} shape; their {@code validFrom} may
 * be left out (it is {@code effectiveOn}) and their {@code predecessorCodes} are set from
 * the split
 * @param effectiveOn the successors' first day
 */
record SplitRequest(@Nullable String predecessorCode, @Nullable List<@Nullable UnitRequest> successors,
		@Nullable LocalDate effectiveOn) {

}
