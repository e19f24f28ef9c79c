package vn.gov.cchc.report.totals;

import java.util.Map;

/**
 * The figures of a unit including every descendant.
 *
 * @param unitCode the unit
 * @param name its official name
 * @param events number of facts
 * @param budgetSpentVnd budget spent, whole VND
 * @param quantities total per metric, sorted by metric name
 */
public record TotalsResponse(String unitCode, String name, long events, long budgetSpentVnd,
		Map<String, Long> quantities) {

}
