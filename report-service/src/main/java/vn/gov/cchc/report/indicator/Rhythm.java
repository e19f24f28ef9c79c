package vn.gov.cchc.report.indicator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import vn.gov.cchc.events.PlanDetails.Cadence;

/**
 * The stretches a cadence is checked in: ISO weeks (Monday to Sunday), calendar months,
 * quarters or years, or the whole period for an activity without a rhythm.
 * <p>
 * A period rarely starts on a Monday or the 1st (Decree 09 windows start on the 15th), so
 * its first and last stretch are usually partial. A partial stretch is checked only when
 * at least half of its days (4 of a week's 7, 15 of a 30-day month) lie in the period,
 * the rule ISO 8601 uses to give a week to a year: a unit is not failed for a two-day
 * stub, and a stretch mostly inside the period still counts. Facts dated in a stub that
 * is left out count for no stretch.
 */
enum Rhythm {

	WEEK("tuần"), MONTH("tháng"), QUARTER("quý"), YEAR("năm"), PERIOD("kỳ");

	private final String word;

	Rhythm(String word) {
		this.word = word;
	}

	/** The Vietnamese word for one stretch: {@code tuần}, {@code tháng}. */
	String word() {
		return this.word;
	}

	static Rhythm of(Cadence.Kind kind) {
		return switch (kind) {
			case PER_WEEK -> WEEK;
			case PER_MONTH -> MONTH;
			case PER_QUARTER -> QUARTER;
			case PER_YEAR -> YEAR;
			case CONTINUOUS, ONCE -> PERIOD;
		};
	}

	/**
	 * The stretches of the period that are checked, each cut to the period's days, in
	 * order.
	 */
	List<Stretch> stretches(LocalDate from, LocalDate to) {
		if (this == PERIOD) {
			return List.of(new Stretch(from, to));
		}
		List<Stretch> stretches = new ArrayList<>();
		for (LocalDate start = first(from); !start.isAfter(to); start = next(start)) {
			LocalDate end = next(start).minusDays(1);
			LocalDate inFrom = start.isBefore(from) ? from : start;
			LocalDate inTo = end.isAfter(to) ? to : end;
			long length = ChronoUnit.DAYS.between(start, end) + 1;
			long inside = ChronoUnit.DAYS.between(inFrom, inTo) + 1;
			if (2 * inside >= length) {
				stretches.add(new Stretch(inFrom, inTo));
			}
		}
		return stretches;
	}

	private LocalDate first(LocalDate day) {
		return switch (this) {
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
			case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
			case YEAR -> day.withDayOfYear(1);
			case PERIOD -> day;
		};
	}

	private LocalDate next(LocalDate start) {
		return switch (this) {
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case QUARTER -> start.plusMonths(3);
			case YEAR -> start.plusYears(1);
			case PERIOD -> start.plusDays(1);
		};
	}

	/**
	 * One checked stretch, cut to the period.
	 *
	 * @param start its first day in the period
	 * @param end its last day in the period
	 */
	record Stretch(LocalDate start, LocalDate end) {

	}

}
