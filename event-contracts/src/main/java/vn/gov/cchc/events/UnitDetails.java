package vn.gov.cchc.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The whole state of a unit, carried by every unit event so that consumers can rebuild
 * the tree from the compacted {@link Topics#UNITS} topic alone (and walk it by date with
 * {@link DatedUnitTree}). Compaction keeps only the newest event of a unit, so everything
 * dated (earlier parents, successors after a merge) travels here too, not only in
 * {@link UnitsMerged} or {@link UnitsSplit}.
 *
 * @param code official code, never reused
 * @param name official Vietnamese name
 * @param kind the kind of unit
 * @param parentCode the parent in the tree from the end of the last {@code parentHistory}
 * period (or from {@code validFrom}) on; absent for a province
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists, absent while it exists
 * @param contacts where its reminders go
 * @param parentHistory earlier parents, oldest first, each with the days it held; the
 * unit's parent on a day none of them covers is {@code parentCode}
 * @param predecessorCodes units this one was formed from by a merge or split
 * @param successorCodes units that took this one over when it ended
 * @param groups members of denominator groups this unit has, by group (e.g.
 * {@code commune-radio-stations: 1}); coverage targets count them over a subtree
 */
public record UnitDetails(String code, String name, UnitKind kind, @Nullable String parentCode, LocalDate validFrom,
		@Nullable LocalDate validTo, UnitContacts contacts, List<ParentPeriod> parentHistory,
		List<String> predecessorCodes, List<String> successorCodes,
		Map<String, Integer> groups) implements UnitPlacement {

	public UnitDetails {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(validFrom, "validFrom");
		Objects.requireNonNull(contacts, "contacts");
		// Absent in events written before these fields existed.
		parentHistory = (parentHistory != null) ? List.copyOf(parentHistory) : List.of();
		predecessorCodes = (predecessorCodes != null) ? List.copyOf(predecessorCodes) : List.of();
		successorCodes = (successorCodes != null) ? List.copyOf(successorCodes) : List.of();
		groups = (groups != null) ? Map.copyOf(groups) : Map.of();
	}

	/** A unit that was never reorganized and has no groups. */
	public UnitDetails(String code, String name, UnitKind kind, @Nullable String parentCode, LocalDate validFrom,
			@Nullable LocalDate validTo, UnitContacts contacts) {
		this(code, name, kind, parentCode, validFrom, validTo, contacts, List.of(), List.of(), List.of(), Map.of());
	}

	/**
	 * A parent the unit had before its current one.
	 *
	 * @param parentCode the parent then; absent while the unit was at the top
	 * @param from first day under it
	 * @param to last day under it
	 */
	public record ParentPeriod(@Nullable String parentCode, LocalDate from, LocalDate to) {

		public ParentPeriod {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
		}

		public boolean covers(LocalDate day) {
			return !day.isBefore(this.from) && !day.isAfter(this.to);
		}

	}

}
