package vn.gov.cchc.plan.unit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A {@code POST /api/v1/units/{code}:move}: the unit goes under another parent.
 *
 * @param parentCode the new parent
 * @param effectiveOn the first day under it; the old parent is kept in
 * {@code parentHistory} up to the day before
 */
record MoveRequest(@Nullable String parentCode, @Nullable LocalDate effectiveOn) {

}
