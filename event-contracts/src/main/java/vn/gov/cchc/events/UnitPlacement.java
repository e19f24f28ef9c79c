package vn.gov.cchc.events;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a unit sits in the tree over time: the days it exists and its parent on each of
 * them. It is all that {@link DatedUnitTree} walks on, so a service that keeps only this
 * much of a unit (not its name or contacts) walks the same tree as one that keeps
 * everything ({@link UnitDetails}).
 */
public interface UnitPlacement {

	/** Official code, never reused. */
	String code();

	/**
	 * The parent from the end of the last {@link #parentHistory()} period (or from
	 * {@link #validFrom()}) on; absent at the top of the tree.
	 */
	@Nullable String parentCode();

	/** Earlier parents, oldest first, each with the days it held. */
	List<UnitDetails.ParentPeriod> parentHistory();

	/** First day the unit exists. */
	LocalDate validFrom();

	/** Last day the unit exists, absent while it exists. */
	@Nullable LocalDate validTo();

	/** Whether the unit existed on the given day. */
	default boolean validOn(LocalDate day) {
		LocalDate to = validTo();
		return !day.isBefore(validFrom()) && (to == null || !day.isAfter(to));
	}

	/**
	 * The parent on the given day: the {@link #parentHistory()} period covering it, else
	 * {@link #parentCode()}. Meaningful only on days the unit existed.
	 */
	default @Nullable String parentOn(LocalDate day) {
		for (UnitDetails.ParentPeriod period : parentHistory()) {
			if (period.covers(day)) {
				return period.parentCode();
			}
		}
		return parentCode();
	}

	/** Whether the unit existed on the day with the given unit as its parent then. */
	default boolean isChildOn(String parentCode, LocalDate day) {
		return validOn(day) && parentCode.equals(parentOn(day));
	}

}
