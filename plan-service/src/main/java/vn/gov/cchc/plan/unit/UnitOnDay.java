package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

/**
 * A unit as it stood on a day, as the tree of that day lists it: {@code parentCode} is
 * its parent on that day ({@link UnitDetails#parentOn}), so that the tree can be drawn
 * from the list alone. The unit's record, with its earlier parents, is {@code GET
 * /api/v1/units/{code}} ({@link UnitView}).
 *
 * @param parentCode the parent on {@code on}; absent for a province
 * @param on the day
 */
@Schema(name = "UnitOnDay", description = "Đơn vị trong cây vào ngày on; parentCode là đơn vị cấp trên vào ngày đó. "
		+ "Bản ghi đầy đủ (kể cả parentHistory) ở GET /api/v1/units/{code}.")
record UnitOnDay(String code, String name, UnitKind kind,
		@Schema(description = "Đơn vị cấp trên vào ngày on") @Nullable String parentCode, LocalDate validFrom,
		@Nullable LocalDate validTo, UnitView.Contacts contacts, List<String> predecessorCodes,
		List<String> successorCodes, Map<String, Integer> groups, LocalDate on) {

	/** The unit on a day it existed. */
	static UnitOnDay of(UnitDetails unit, LocalDate on) {
		return new UnitOnDay(unit.code(), unit.name(), unit.kind(), unit.parentOn(on), unit.validFrom(), unit.validTo(),
				new UnitView.Contacts(unit.contacts().person(), unit.contacts().email(), unit.contacts().phone()),
				unit.predecessorCodes(), unit.successorCodes(), new TreeMap<>(unit.groups()), on);
	}

}
