package vn.gov.cchc.report.unit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitKind;

/**
 * A unit of the tree as stored in the {@code units} collection.
 *
 * @param code official code
 * @param name official Vietnamese name
 * @param kind kind of unit
 * @param parentCode parent in the tree, absent for a province
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists, absent while it exists
 */
public record Unit(String code, String name, UnitKind kind, @Nullable String parentCode, LocalDate validFrom,
		@Nullable LocalDate validTo) {

	/** Whether the unit existed on the given day. */
	public boolean validOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

}
