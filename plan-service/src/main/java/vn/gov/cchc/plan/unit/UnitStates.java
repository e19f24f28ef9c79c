package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.gov.cchc.events.UnitDetails;

/**
 * The states a reorganisation gives a unit. Every one is the whole state, as the events
 * carry it.
 */
final class UnitStates {

	private UnitStates() {
	}

	/**
	 * The unit ended on {@code lastDay}, taken over by {@code successors} (added to those
	 * it has, in order, without repeats).
	 */
	static UnitDetails ended(UnitDetails unit, LocalDate lastDay, List<String> successors) {
		List<String> successorCodes = new ArrayList<>(unit.successorCodes());
		successors.stream().filter((code) -> !successorCodes.contains(code)).forEach(successorCodes::add);
		return new UnitDetails(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.validFrom(), lastDay,
				unit.contacts(), unit.parentHistory(), unit.predecessorCodes(), successorCodes, unit.groups());
	}

	/** The unit formed from {@code predecessors}. */
	static UnitDetails formedFrom(UnitDetails unit, List<String> predecessors) {
		return new UnitDetails(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.validFrom(),
				unit.validTo(), unit.contacts(), unit.parentHistory(), predecessors, unit.successorCodes(),
				unit.groups());
	}

	/** The first day under the current {@code parentCode}. */
	static LocalDate currentParentSince(UnitDetails unit) {
		List<UnitDetails.ParentPeriod> history = unit.parentHistory();
		return history.isEmpty() ? unit.validFrom() : history.get(history.size() - 1).to().plusDays(1);
	}

	/**
	 * The unit under {@code parentCode} from {@code effectiveOn}, its current parent kept
	 * in {@code parentHistory} from {@link #currentParentSince} to the day before.
	 */
	static UnitDetails movedTo(UnitDetails unit, String parentCode, LocalDate effectiveOn) {
		List<UnitDetails.ParentPeriod> history = new ArrayList<>(unit.parentHistory());
		history
			.add(new UnitDetails.ParentPeriod(unit.parentCode(), currentParentSince(unit), effectiveOn.minusDays(1)));
		return new UnitDetails(unit.code(), unit.name(), unit.kind(), parentCode, unit.validFrom(), unit.validTo(),
				unit.contacts(), history, unit.predecessorCodes(), unit.successorCodes(), unit.groups());
	}

}
