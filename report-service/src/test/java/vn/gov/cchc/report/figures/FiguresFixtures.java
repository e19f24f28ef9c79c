package vn.gov.cchc.report.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import vn.gov.cchc.report.unit.Units;

/**
 * Figures written the way the counting writes them (one whole document per unit of the
 * fact's roll-up, with a version), for tests of what reads them.
 */
public final class FiguresFixtures {

	private FiguresFixtures() {
	}

	/** One fact of the unit, rolled up on the tree of its date, added to the figures. */
	public static void fact(Figures figures, Units units, AtomicLong versions, String unitCode, String planId,
			String activityId, LocalDate date, Map<String, Long> quantities) {
		List<Figures.MonthChange> changes = new ArrayList<>();
		YearMonth month = YearMonth.from(date);
		for (String code : units.pathOn(unitCode, date)) {
			Tally cell = figures.find(code, planId, month)
				.map((found) -> found.days().getOrDefault(date, Map.of()).getOrDefault(activityId, Tally.ZERO))
				.orElse(Tally.ZERO)
				.plus(Tally.ofFact(0, quantities));
			changes.add(new Figures.MonthChange(
					new MonthFigures(code, planId, month, Map.of(date, Map.of(activityId, cell))),
					versions.incrementAndGet()));
		}
		figures.writeAll(changes);
	}

}
