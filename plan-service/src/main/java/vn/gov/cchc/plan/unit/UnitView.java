package vn.gov.cchc.plan.unit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

/**
 * A unit as {@code GET /api/v1/units} shows it: the same shape as the units of a
 * {@code PUT}, so that what was read can be sent back.
 */
record UnitView(String code, String name, UnitKind kind, @Nullable String parentCode, LocalDate validFrom,
		@Nullable LocalDate validTo, Contacts contacts) {

	record Contacts(@Nullable String person, @Nullable String email, @Nullable String phone) {

	}

	static UnitView of(UnitDetails unit) {
		return new UnitView(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.validFrom(), unit.validTo(),
				new Contacts(unit.contacts().person(), unit.contacts().email(), unit.contacts().phone()));
	}

}
