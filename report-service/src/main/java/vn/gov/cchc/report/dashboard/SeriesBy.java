package vn.gov.cchc.report.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How a time series is cut: ISO weeks (Monday to Sunday, labelled {@code 2022-W19} by
 * their week-based year) or calendar months ({@code 2022-05}). Every bucket that touches
 * the asked days is present, also when nothing happened in it, so that a chart has no
 * holes.
 */
enum SeriesBy {

	WEEK, MONTH;

	/**
	 * The buckets touching {@code from..to}, in order, each whole (not cut to the days).
	 */
	List<Bucket> buckets(LocalDate from, LocalDate to) {
		List<Bucket> buckets = new ArrayList<>();
		LocalDate first = (this == WEEK) ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				: from.withDayOfMonth(1);
		for (LocalDate start = first; !start.isAfter(to); start = (this == WEEK) ? start.plusWeeks(1)
				: start.plusMonths(1)) {
			LocalDate end = (this == WEEK) ? start.plusDays(6) : YearMonth.from(start).atEndOfMonth();
			buckets.add(new Bucket(label(start), start, end));
		}
		return buckets;
	}

	private String label(LocalDate start) {
		return (this == WEEK) ? "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR),
				start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) : YearMonth.from(start).toString();
	}

	/**
	 * One bucket of a series.
	 *
	 * @param label {@code 2022-W19} or {@code 2022-05}
	 * @param firstDay its Monday, or the 1st of the month
	 * @param lastDay its Sunday, or the last day of the month
	 */
	record Bucket(String label, LocalDate firstDay, LocalDate lastDay) {

	}

}
