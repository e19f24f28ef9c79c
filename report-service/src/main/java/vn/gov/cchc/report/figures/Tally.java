package vn.gov.cchc.report.figures;

import java.util.Map;
import java.util.TreeMap;

/**
 * Figures that add up: how many facts, the budget they spent and their quantity per
 * metric. Signed, so that a correction or a retraction can take back what a fact added.
 *
 * @param events number of facts
 * @param budgetSpentVnd budget spent, whole VND
 * @param quantities quantity per metric, sorted by metric name
 */
public record Tally(long events, long budgetSpentVnd, Map<String, Long> quantities) {

	/** Nothing. */
	public static final Tally ZERO = new Tally(0, 0, Map.of());

	public Tally {
		quantities = Map.copyOf(quantities);
	}

	/** One fact with these figures. */
	public static Tally ofFact(long budgetSpentVnd, Map<String, Long> quantities) {
		return new Tally(1, budgetSpentVnd, quantities);
	}

	/** This and the other added, metric by metric; a metric that sums to 0 is kept. */
	public Tally plus(Tally other) {
		Map<String, Long> sum = new TreeMap<>(this.quantities);
		other.quantities.forEach((metric, quantity) -> sum.merge(metric, quantity, Long::sum));
		return new Tally(this.events + other.events, this.budgetSpentVnd + other.budgetSpentVnd, sum);
	}

	/** What takes this back. */
	public Tally negated() {
		Map<String, Long> negated = new TreeMap<>();
		this.quantities.forEach((metric, quantity) -> negated.put(metric, -quantity));
		return new Tally(-this.events, -this.budgetSpentVnd, negated);
	}

	/** The quantity of a metric, 0 if none was reported. */
	public long quantity(String metric) {
		return this.quantities.getOrDefault(metric, 0L);
	}

}
