package vn.gov.cchc.report.totals;

import java.util.Map;

/**
 * The totals document of one unit.
 *
 * @param unitCode the unit
 * @param events number of facts of the unit and its descendants
 * @param budgetSpentVnd budget spent, whole VND
 * @param quantities total per metric
 * @param version how many times the counting has written this document (0: never)
 */
public record UnitTotals(String unitCode, long events, long budgetSpentVnd, Map<String, Long> quantities,
		long version) {

	public UnitTotals {
		quantities = Map.copyOf(quantities);
	}

	/** A unit that is known but has no facts yet. */
	public static UnitTotals none(String unitCode) {
		return new UnitTotals(unitCode, 0, 0, Map.of(), 0);
	}

}
