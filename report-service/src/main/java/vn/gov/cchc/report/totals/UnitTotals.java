package vn.gov.cchc.report.totals;

import java.util.Map;

/**
 * The totals document of one unit.
 *
 * @param unitCode the unit
 * @param events number of facts of the unit and its descendants
 * @param budgetSpentVnd budget spent, whole VND
 * @param quantities total per metric
 * @param applied per Kafka partition, the highest offset already added to this document
 */
public record UnitTotals(String unitCode, long events, long budgetSpentVnd, Map<String, Long> quantities,
		Map<Integer, Long> applied) {

	public UnitTotals {
		quantities = Map.copyOf(quantities);
		applied = Map.copyOf(applied);
	}

	/** A unit that is known but has no facts yet. */
	public static UnitTotals none(String unitCode) {
		return new UnitTotals(unitCode, 0, 0, Map.of(), Map.of());
	}

}
