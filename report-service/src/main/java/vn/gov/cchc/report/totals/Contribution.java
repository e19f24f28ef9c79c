package vn.gov.cchc.report.totals;

import java.util.Map;

/**
 * What one fact adds to the totals of every unit it counts for.
 *
 * @param events number of facts (one for a single fact)
 * @param budgetSpentVnd budget spent, whole VND
 * @param quantities quantity per metric
 */
public record Contribution(long events, long budgetSpentVnd, Map<String, Long> quantities) {

	public Contribution {
		quantities = Map.copyOf(quantities);
	}

}
