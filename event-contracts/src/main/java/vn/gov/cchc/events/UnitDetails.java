package vn.gov.cchc.events;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The whole state of a unit, carried by every unit event so that consumers can rebuild
 * the tree from the compacted {@link Topics#UNITS} topic alone.
 *
 * @param code official code, never reused
 * @param name official Vietnamese name
 * @param kind the kind of unit
 * @param parentCode the parent in the tree, absent for a province
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists, absent while it exists
 * @param contacts where its reminders go
 */
public record UnitDetails(String code, String name, UnitKind kind, @Nullable String parentCode, LocalDate validFrom,
		@Nullable LocalDate validTo, UnitContacts contacts) {

	public UnitDetails {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(validFrom, "validFrom");
		Objects.requireNonNull(contacts, "contacts");
	}

	/** Whether the unit existed on the given day. */
	public boolean validOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

}
