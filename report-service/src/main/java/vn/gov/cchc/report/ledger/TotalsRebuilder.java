package vn.gov.cchc.report.ledger;

import java.util.ArrayList;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.report.figures.Effect;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.MonthFigures;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.totals.UnitTotals;

import org.springframework.stereotype.Component;

/**
 * Derives every figures and totals document again from the ledger alone (invariant 2:
 * aggregates are derived from the ledger and can be rebuilt from it). It streams the
 * ledger once, summing each entry's stored effects, and sets each document's
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

	private final Figures figures;

	private final Totals totals;

	public TotalsRebuilder(Ledger ledger, Figures figures, Totals totals) {
		this.ledger = ledger;
		this.figures = figures;
		this.totals = totals;
	}

	/** Rewrites the figures and totals collections from the ledger. */
	public synchronized RebuildResult rebuild() {
		Map<String, Tally> totalsByUnit = new TreeMap<>();
		Map<String, MonthSum> months = new TreeMap<>();
		Map<Integer, Long> lastOffsets = new TreeMap<>();
		long[] entries = { 0 };
		this.ledger.forEach((entry) -> {
			entries[0]++;
			lastOffsets.merge(entry.partition(), entry.offset(), Math::max);
			for (Effect effect : entry.effects()) {
				totalsByUnit.merge(effect.unitCode(), effect.tally(), Tally::plus);
				months.computeIfAbsent(effect.documentId(), (id) -> new MonthSum(effect)).add(effect);
			}
		});
		List<UnitTotals> rebuilt = new ArrayList<>(totalsByUnit.size());
		totalsByUnit.forEach((unitCode, sum) -> rebuilt
			.add(new UnitTotals(unitCode, sum.events(), sum.budgetSpentVnd(), sum.quantities(), lastOffsets)));
		long removed = this.totals.replaceAll(rebuilt);
		List<MonthFigures> rebuiltMonths = months.values().stream().map(MonthSum::figures).toList();
		long monthsRemoved = this.figures.replaceAll(rebuiltMonths, lastOffsets);
		logger.info("Rebuilt {} totals and {} figures documents from {} ledger entries ({} and {} removed)",
				rebuilt.size(), rebuiltMonths.size(), entries[0], removed, monthsRemoved);
		return new RebuildResult(entries[0], rebuilt.size(), removed, rebuiltMonths.size(), monthsRemoved, lastOffsets);
	}

	private static final class MonthSum {

		private final String unitCode;

		private final String planId;

		private final YearMonth month;

		private final Map<LocalDate, Map<String, Tally>> days = new TreeMap<>();

		MonthSum(Effect first) {
			this.unitCode = first.unitCode();
			this.planId = first.planId();
			this.month = YearMonth.from(first.date());
		}

		void add(Effect effect) {
			this.days.computeIfAbsent(effect.date(), (day) -> new TreeMap<>())
				.merge(effect.activityId(), effect.tally(), Tally::plus);
		}

		MonthFigures figures() {
			return new MonthFigures(this.unitCode, this.planId, this.month, this.days);
		}

	}

}
