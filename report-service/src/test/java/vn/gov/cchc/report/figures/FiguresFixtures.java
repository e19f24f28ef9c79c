package vn.gov.cchc.report.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
		List<Figures.VersionedMonth> months = new ArrayList<>();
		YearMonth month = YearMonth.from(date);
		for (String code : units.pathOn(unitCode, date)) {
			Map<LocalDate, Map<String, Tally>> days = new TreeMap<>();
			figures.find(code, planId, month)
				.ifPresent(
						(found) -> found.days().forEach((day, activities) -> days.put(day, new TreeMap<>(activities))));
			days.computeIfAbsent(date, (day) -> new TreeMap<>())
				.merge(activityId, Tally.ofFact(0, quantities), Tally::plus);
			months.add(new Figures.VersionedMonth(new MonthFigures(code, planId, month, days),
					versions.incrementAndGet()));
		}
		figures.writeAll(months);
	}

}
