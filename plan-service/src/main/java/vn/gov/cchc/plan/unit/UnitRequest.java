package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitKind;

/**
 * One unit of a {@code PUT /api/v1/units} batch (or an import, or the successor of a
 * merge or split), as sent: the unit's whole state. Everything is nullable here so that
 * {@link UnitRequestValidator} can name every missing field at once.
 *
 * @param code official code, never reused
 * @param name official name
 * @param kind kind of unit
 * @param parentCode parent in the tree from the end of the last {@code parentHistory}
 * period (or from {@code validFrom}) on; none for a province
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists, if it ended
 * @param contacts where its reminders go
 * @param parentHistory earlier parents, oldest first
 * @param predecessorCodes units this one was formed from
 * @param successorCodes units that took this one over when it ended
 * @param groups members of denominator groups, by group name (e.g.
 * {@code commune-radio-stations: 1})
 */
public record UnitRequest(@Nullable String code, @Nullable String name, @Nullable UnitKind kind,
		@Nullable String parentCode, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
		@Nullable Contacts contacts, @Nullable List<@Nullable ParentPeriod> parentHistory,
		@Nullable List<@Nullable String> predecessorCodes, @Nullable List<@Nullable String> successorCodes,
		@Nullable Map<String, @Nullable Integer> groups) {

	/** A unit without history, reorganisation links or groups. */
	public UnitRequest(@Nullable String code, @Nullable String name, @Nullable UnitKind kind,
			@Nullable String parentCode, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
			@Nullable Contacts contacts) {
		this(code, name, kind, parentCode, validFrom, validTo, contacts, null, null, null, null);
	}

	/** The same unit with another first day. */
	UnitRequest withValidFrom(@Nullable LocalDate day) {
		return new UnitRequest(this.code, this.name, this.kind, this.parentCode, day, this.validTo, this.contacts,
				this.parentHistory, this.predecessorCodes, this.successorCodes, this.groups);
	}

	/**
	 * @param person the contact person
	 * @param email email address
	 * @param phone mobile number for SMS
	 */
	public record Contacts(@Nullable String person, @Nullable String email, @Nullable String phone) {

	}

	/**
	 * A parent the unit had before its current one.
	 *
	 * @param parentCode the parent then
	 * @param from first day under it
	 * @param to last day under it
	 */
	public record ParentPeriod(@Nullable String parentCode, @Nullable LocalDate from, @Nullable LocalDate to) {

	}

}
