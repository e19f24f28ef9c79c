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
 * A unit's record as {@code GET /api/v1/units/{code}} shows it: its whole state in the
 * shape of the units of a {@code PUT}, so that what was read can be sent back, and where
 * it stood in the tree on the day asked ({@code on}, today in Vietnam unless the request
 * names one). The tree of a day lists {@link UnitOnDay} instead.
 *
 * @param on the day the read is about
 * @param parentCodeOn the unit's parent on that day ({@link UnitDetails#parentOn});
 * absent for a province, and for a unit that did not exist that day
 */
@Schema(name = "Unit")
record UnitView(String code, String name, UnitKind kind, @Schema(
		description = "Đơn vị cấp trên hiện tại (từ sau giai đoạn cuối của parentHistory)") @Nullable String parentCode,
		LocalDate validFrom, @Nullable LocalDate validTo, Contacts contacts,
		List<UnitDetails.ParentPeriod> parentHistory, List<String> predecessorCodes, List<String> successorCodes,
		Map<String, Integer> groups, @Schema(description = "Ngày mà phần đọc này nói đến") LocalDate on,
		@Schema(description = "Đơn vị cấp trên vào ngày on") @Nullable String parentCodeOn) {

	record Contacts(@Nullable String person, @Nullable String email, @Nullable String phone) {

	}

	static UnitView of(UnitDetails unit, LocalDate on) {
		return new UnitView(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.validFrom(), unit.validTo(),
				new Contacts(unit.contacts().person(), unit.contacts().email(), unit.contacts().phone()),
				unit.parentHistory(), unit.predecessorCodes(), unit.successorCodes(),
				// Sorted so that the same state always reads the same.
				new TreeMap<>(unit.groups()), on, unit.validOn(on) ? unit.parentOn(on) : null);
	}

}
