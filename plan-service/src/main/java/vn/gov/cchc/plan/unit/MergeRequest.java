package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A {@code POST /api/v1/units:merge}: several units end and one new unit takes them over.
 *
 * @param predecessorCodes the units that end the day before {@code effectiveOn}
 * @param successor the new unit, in the {@code PUT} shape; its {@code validFrom} may be
 * left out (it is {@code effectiveOn}) and its {@code predecessorCodes} are set from the
 * merge
 * @param effectiveOn the successor's first day
 */
record MergeRequest(@Nullable List<@Nullable String> predecessorCodes, @Nullable UnitRequest successor,
		@Nullable LocalDate effectiveOn) {

}
