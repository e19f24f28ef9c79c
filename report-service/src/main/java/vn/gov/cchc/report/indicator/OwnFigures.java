package vn.gov.cchc.report.indicator;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.Tally;

/**
 * A unit's own figures: what it did itself, without its subtree. The figures store keeps
 * every unit's figures rolled up (a fact counts for the unit and each ancestor on the
 * fact's date), so a unit's own figures on a day are its figures less those of the units
 * that were its children on that day. A leaf's own figures are its figures.
 * <p>
 * Coverage and cadence targets ask about each unit of a group or kind: a district with a
 * portal of its own must not count as covered because one of its communes posted.
 */
final class OwnFigures {

	private final Figures figures;

	private final DatedUnitTree<UnitDetails> tree;

	OwnFigures(Figures figures, DatedUnitTree<UnitDetails> tree) {
		this.figures = figures;
		this.tree = tree;
	}

	DatedUnitTree<UnitDetails> tree() {
		return this.tree;
	}

	/**
	 * The unit's figures per day and activity, its own or (with {@code rolledUp}) with
	 * its subtree.
	 */
	SortedMap<LocalDate, Map<String, Tally>> daily(String unitCode, String planId, LocalDate from, LocalDate to,
			boolean rolledUp) {
		SortedMap<LocalDate, Map<String, Tally>> daily = new TreeMap<>();
		this.figures.daily(unitCode, planId, from, to)
			.forEach((day, activities) -> daily.put(day, new TreeMap<>(activities)));
		if (rolledUp) {
			return daily;
		}
		for (UnitDetails child : this.tree.everChildren(unitCode)) {
			this.figures.daily(child.code(), planId, from, to).forEach((day, activities) -> {
				if (child.isChildOn(unitCode, day)) {
					Map<String, Tally> own = daily.computeIfAbsent(day, (key) -> new TreeMap<>());
					activities.forEach((activity, tally) -> own.merge(activity, tally.negated(), Tally::plus));
				}
			});
		}
		return daily;
	}

	/** The unit's figures per activity over the days, own or rolled up. */
	Map<String, Tally> byActivity(String unitCode, String planId, LocalDate from, LocalDate to, boolean rolledUp) {
		if (rolledUp || this.tree.everChildren(unitCode).isEmpty()) {
			return this.figures.byActivity(unitCode, planId, from, to);
		}
		Map<String, Tally> byActivity = new TreeMap<>();
		daily(unitCode, planId, from, to, false).values()
			.forEach((activities) -> activities
				.forEach((activity, tally) -> byActivity.merge(activity, tally, Tally::plus)));
		return byActivity;
	}

}
