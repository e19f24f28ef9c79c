package vn.gov.cchc.report.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.totals.UnitTotals;

import org.springframework.stereotype.Component;

/**
 * Derives every totals document again from the ledger alone (invariant 2: aggregates are
 * derived from the ledger and can be rebuilt from it). It streams the ledger once,
 * summing each fact into every unit of its stored rollup, and sets each document's
 * {@code applied.p<N>} to the highest offset of partition N in the ledger: every fact up
 * to there is now included, so a later redelivery of any of them is refused by the guards
 * and a new fact (at a higher offset) is added as usual.
 * <p>
 * The rebuild must not race live aggregation: a fact applied to a document between the
 * read of the ledger and the rewrite of that document would be lost. The admin endpoint
 * therefore stops this instance's {@code cchc.progress} binding for the duration. With
 * several instances, stop the consumers of the others too (scale to one instance, or stop
 * their bindings) before rebuilding.
 */
@Component
public class TotalsRebuilder {

	private static final Logger logger = LoggerFactory.getLogger(TotalsRebuilder.class);

	private final Ledger ledger;

	private final Totals totals;

	public TotalsRebuilder(Ledger ledger, Totals totals) {
		this.ledger = ledger;
		this.totals = totals;
	}

	/** Rewrites the totals collection from the ledger. */
	public synchronized RebuildResult rebuild() {
		Map<String, Sum> sums = new TreeMap<>();
		Map<Integer, Long> lastOffsets = new TreeMap<>();
		long[] entries = { 0 };
		this.ledger.forEach((entry) -> {
			entries[0]++;
			lastOffsets.merge(entry.partition(), entry.offset(), Math::max);
			for (String unitCode : entry.rollup()) {
				sums.computeIfAbsent(unitCode, (code) -> new Sum()).add(entry);
			}
		});
		List<UnitTotals> rebuilt = new ArrayList<>(sums.size());
		sums.forEach((unitCode, sum) -> rebuilt
			.add(new UnitTotals(unitCode, sum.events, sum.budgetSpentVnd, sum.quantities, lastOffsets)));
		long removed = this.totals.replaceAll(rebuilt);
		logger.info("Rebuilt {} totals documents from {} ledger entries ({} removed)", rebuilt.size(), entries[0],
				removed);
		return new RebuildResult(entries[0], rebuilt.size(), removed, lastOffsets);
	}

	private static final class Sum {

		private long events;

		private long budgetSpentVnd;

		private final Map<String, Long> quantities = new HashMap<>();

		void add(LedgerEntry entry) {
			this.events++;
			this.budgetSpentVnd = Math.addExact(this.budgetSpentVnd, entry.budgetSpentVnd());
			entry.quantities().forEach((metric, quantity) -> this.quantities.merge(metric, quantity, Math::addExact));
		}

	}

}
