package vn.gov.cchc.report.period;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails.Deadline;
import vn.gov.cchc.events.PlanDetails.ReportingRegime;
import vn.gov.cchc.events.PlanDetails.ReportingRegime.CutOff;
import vn.gov.cchc.events.UnitKind;

/**
 * The periods and due dates of one {@link ReportingRegime} ({@link CutOff#DECREE_09_2019}
 * or calendar windows): immutable, thread-safe, and checked on construction to leave
 * every window non-empty in {@value #FIRST_CHECKED_YEAR}–{@value #LAST_CHECKED_YEAR}. The
 * rules (windows, due dates per level, the working day after a cut-off, tiling) are in
 * docs/reporting.md, "Reporting periods and cut-offs".
 */
public final class ReportingCalendar {

	/** Decree 09/2019 windows start on this day of the month before. */
	static final int DECREE_09_FIRST_DAY = 15;

	/** Decree 09/2019 cut-off day of the month. */
	static final int DECREE_09_CUT_OFF_DAY = 14;

	/**
	 * A due date is at least this working day after the cut-off, so that one full working
	 * day lies between them.
	 */
	static final int EARLIEST_DUE_WORKING_DAY = 2;

	static final int FIRST_CHECKED_YEAR = 2000;

	static final int LAST_CHECKED_YEAR = 2100;

	private static final int MAX_KNOWN = 10_000;

	/** Levels from the top: a level is due no later than any level before it. */
	private static final List<Set<UnitKind>> LEVELS_FROM_THE_TOP = List.of(EnumSet.of(UnitKind.PROVINCE),
			EnumSet.of(UnitKind.DISTRICT, UnitKind.DEPARTMENT, UnitKind.AGENCY, UnitKind.OFFICE),
			EnumSet.of(UnitKind.COMMUNE));

	private final ReportingRegime regime;

	private final WorkingCalendar days;

	private final Map<UnitKind, Integer> leads;

	private final int defaultWorkingDaysAfterCutOff;

	private final Map<PeriodType, Deadline> forEveryLevel = new EnumMap<>(PeriodType.class);

	private final Map<PeriodType, Map<UnitKind, Deadline>> forOneLevel = new EnumMap<>(PeriodType.class);

	/**
	 * Periods worked out, up to {@value #MAX_KNOWN} (a few hundred years of every type).
	 */
	private final Map<Period.Key, Period> known = new ConcurrentHashMap<>();

	/**
	 * @param regime the regime
	 * @param days the working days
	 * @param levelLeadWorkingDays how many working days earlier than the deadline each
	 * level is due; levels not listed have none
	 * @param defaultWorkingDaysAfterCutOff the due date of a type without a deadline, in
	 * working days after the cut-off
	 * @throws IllegalArgumentException if the regime's deadlines are ambiguous or leave a
	 * window empty
	 */
	public ReportingCalendar(ReportingRegime regime, WorkingCalendar days, Map<UnitKind, Integer> levelLeadWorkingDays,
			int defaultWorkingDaysAfterCutOff) {
		this.regime = regime;
		this.days = days;
		this.leads = new EnumMap<>(UnitKind.class);
		levelLeadWorkingDays.forEach((level, lead) -> {
			if (lead < 0) {
				throw new IllegalArgumentException("The lead of " + level + " cannot be negative: " + lead);
			}
			this.leads.put(level, lead);
		});
		if (defaultWorkingDaysAfterCutOff < 1) {
			throw new IllegalArgumentException(
					"The default due date must be at least 1 working day after the cut-off, not "
							+ defaultWorkingDaysAfterCutOff);
		}
		this.defaultWorkingDaysAfterCutOff = defaultWorkingDaysAfterCutOff;
		boolean fixedDates = false;
		for (Deadline deadline : regime.deadlines()) {
			if (deadline.dueBefore() != null) {
				if (deadline.period() == PeriodType.MONTH || deadline.period() == PeriodType.QUARTER) {
					throw new IllegalArgumentException("A " + deadline.period()
							+ " deadline cannot be a day of the year (dueBefore); use daysAfterCutOff");
				}
				fixedDates = true;
			}
			UnitKind level = deadline.level();
			Deadline previous = (level != null)
					? this.forOneLevel.computeIfAbsent(deadline.period(), (type) -> new EnumMap<>(UnitKind.class))
						.put(level, deadline)
					: this.forEveryLevel.put(deadline.period(), deadline);
			if (previous != null) {
				throw new IllegalArgumentException("Two deadlines for " + deadline.period() + " and "
						+ ((level != null) ? level : "every level") + ": " + previous + ", " + deadline);
			}
		}
		if (fixedDates) {
			checkWindows();
		}
	}

	/**
	 * Fixed dates only move the ends of the year, the first half and the nine months, and
	 * with the year those of the second half, the remainder and the fourth quarter.
	 */
	private void checkWindows() {
		for (int year = FIRST_CHECKED_YEAR; year <= LAST_CHECKED_YEAR; year++) {
			period(new Period.Key(PeriodType.YEAR, year, 1));
			period(new Period.Key(PeriodType.HALF_YEAR, year, 1));
			period(new Period.Key(PeriodType.HALF_YEAR, year, 2));
			period(new Period.Key(PeriodType.NINE_MONTHS, year, 1));
			period(new Period.Key(PeriodType.NINE_MONTHS, year, 2));
			period(new Period.Key(PeriodType.QUARTER, year, 4));
		}
	}

	public ReportingRegime regime() {
		return this.regime;
	}

	/** The working days due dates are counted in. */
	public WorkingCalendar workingDays() {
		return this.days;
	}

	/** The one period of the type whose window holds the day. */
	public Period periodOf(PeriodType type, LocalDate day) {
		Period.Key key = decreeOrCalendarKey(type, day);
		Period period = period(key);
		// Windows only ever end earlier than Decree 09's, so the day is in this period or
		// in the next one.
		return period.contains(day) ? period : period(key.next());
	}

	/**
	 * The period with its window in this regime. Periods are kept once worked out: the
	 * read model asks for the periods of every changed day of every batch, and each costs
	 * a walk over working days.
	 */
	public Period period(Period.Key key) {
		Period period = this.known.get(key);
		if (period == null) {
			period = window(key);
			if (this.known.size() < MAX_KNOWN) {
				this.known.putIfAbsent(key, period);
			}
		}
		return period;
	}

	private Period window(Period.Key key) {
		LocalDate end = end(key);
		if (end.isBefore(baseStart(key))) {
			throw new IllegalArgumentException("The deadlines of the regime leave no window for " + key.id()
					+ ": it would end on " + end + ", before " + baseStart(key));
		}
		return new Period(key.type(), key.year(), key.number(), end(key.previous()).plusDays(1), end);
	}

	/** The periods of the type labelled with the year, in order. */
	public List<Period> periods(PeriodType type, int year) {
		List<Period> periods = new ArrayList<>();
		for (int number = 1; number <= Period.Key.count(type); number++) {
			periods.add(period(new Period.Key(type, year, number)));
		}
		return List.copyOf(periods);
	}

	/**
	 * The periods labelled with the year that units report on under this regime: its
	 * period types only, without the second half or the remainder after nine months.
	 */
	public List<Period> reportedPeriods(int year) {
		Set<PeriodType> types = EnumSet.noneOf(PeriodType.class);
		types.addAll(this.regime.periods());
		List<Period> periods = new ArrayList<>();
		for (PeriodType type : types) {
			periods(type, year).stream().filter(Period::reported).forEach(periods::add);
		}
		return List.copyOf(periods);
	}

	/** The period with that id ({@code 2022-H1}), empty if it is not a period id. */
	public Optional<Period> find(String periodId) {
		Period.Key key;
		try {
			key = Period.parse(periodId);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return Optional.of(period(key));
	}

	/** The last day a unit of the level may submit its report on the period. */
	public LocalDate dueDate(Period period, UnitKind level) {
		return dueDates(period).get(level);
	}

	/** The due date of every level for the period (see {@link #dueDate}). */
	public Map<UnitKind, LocalDate> dueDates(Period period) {
		Period.Key key = period.key();
		if (!key.reported()) {
			return dueDates(period(new Period.Key(PeriodType.YEAR, key.year(), 1)));
		}
		// The window of this regime, whichever calendar the argument came from.
		LocalDate cutOff = end(key);
		Map<UnitKind, LocalDate> due = new EnumMap<>(UnitKind.class);
		for (UnitKind level : UnitKind.values()) {
			Deadline deadline = deadline(key.type(), level);
			MonthDay dueBefore = (deadline != null) ? deadline.dueBefore() : null;
			Integer daysAfterCutOff = (deadline != null) ? deadline.daysAfterCutOff() : null;
			due.put(level, (dueBefore != null) ? fixedDue(dueBefore, key.year(), level) : relativeDue(cutOff,
					(daysAfterCutOff != null) ? daysAfterCutOff : this.defaultWorkingDaysAfterCutOff, level));
		}
		LocalDate dueOfLevelsAbove = LocalDate.MAX;
		for (Set<UnitKind> levels : LEVELS_FROM_THE_TOP) {
			LocalDate dueOfTheseLevels = LocalDate.MAX;
			for (UnitKind level : levels) {
				LocalDate capped = min(due.get(level), dueOfLevelsAbove);
				due.put(level, capped);
				dueOfTheseLevels = min(dueOfTheseLevels, capped);
			}
			dueOfLevelsAbove = min(dueOfLevelsAbove, dueOfTheseLevels);
		}
		return Collections.unmodifiableMap(due);
	}

	private @Nullable Deadline deadline(PeriodType type, UnitKind level) {
		Map<UnitKind, Deadline> specific = this.forOneLevel.get(type);
		Deadline deadline = (specific != null) ? specific.get(level) : null;
		return (deadline != null) ? deadline : this.forEveryLevel.get(type);
	}

	private int lead(UnitKind level) {
		return this.leads.getOrDefault(level, 0);
	}

	/** The last working day before the date in the year, the level's lead earlier. */
	private LocalDate fixedDue(MonthDay dueBefore, int year, UnitKind level) {
		return this.days.minusWorkingDays(this.days.workingDayBefore(dueBefore.atYear(year)), lead(level));
	}

	/**
	 * The n-th working day after the cut-off, the level's lead earlier, but never before
	 * the {@value #EARLIEST_DUE_WORKING_DAY}nd working day after it.
	 */
	private LocalDate relativeDue(LocalDate cutOff, int workingDaysAfterCutOff, UnitKind level) {
		LocalDate earliest = this.days.plusWorkingDays(cutOff, EARLIEST_DUE_WORKING_DAY);
		if (workingDaysAfterCutOff < 1) {
			return earliest;
		}
		LocalDate due = this.days.minusWorkingDays(this.days.plusWorkingDays(cutOff, workingDaysAfterCutOff),
				lead(level));
		return due.isBefore(earliest) ? earliest : due;
	}

	private LocalDate end(Period.Key key) {
		Period.Key year = new Period.Key(PeriodType.YEAR, key.year(), 1);
		return switch (key.type()) {
			case YEAR -> cutBeforeFixedDueDates(key);
			case HALF_YEAR, NINE_MONTHS -> key.last() ? end(year) : cutBeforeFixedDueDates(key);
			case QUARTER -> key.last() ? end(year) : baseEnd(key);
			case MONTH -> baseEnd(key);
		};
	}

	/**
	 * The window's end, moved earlier if needed so that a full working day lies between
	 * it and the earliest fixed due date of any level.
	 */
	private LocalDate cutBeforeFixedDueDates(Period.Key key) {
		LocalDate end = baseEnd(key);
		for (UnitKind level : UnitKind.values()) {
			Deadline deadline = deadline(key.type(), level);
			MonthDay dueBefore = (deadline != null) ? deadline.dueBefore() : null;
			if (dueBefore != null) {
				LocalDate due = fixedDue(dueBefore, key.year(), level);
				end = min(end, this.days.workingDayBefore(due).minusDays(1));
			}
		}
		return end;
	}

	/** The period of the type whose Decree 09 (or calendar) window holds the day. */
	private Period.Key decreeOrCalendarKey(PeriodType type, LocalDate day) {
		// From the 15th on, Decree 09 counts a day in the next month's window.
		YearMonth month = YearMonth.from(day);
		if (this.regime.cutOff() == CutOff.DECREE_09_2019 && day.getDayOfMonth() >= DECREE_09_FIRST_DAY) {
			month = month.plusMonths(1);
		}
		int m = month.getMonthValue();
		int number = switch (type) {
			case MONTH -> m;
			case QUARTER -> (m - 1) / 3 + 1;
			case HALF_YEAR -> (m <= 6) ? 1 : 2;
			case NINE_MONTHS -> (m <= 9) ? 1 : 2;
			case YEAR -> 1;
		};
		return new Period.Key(type, month.getYear(), number);
	}

	/** First day of the Decree 09 (or calendar) window. */
	private LocalDate baseStart(Period.Key key) {
		YearMonth first = YearMonth.of(key.year(), firstMonth(key));
		return (this.regime.cutOff() == CutOff.DECREE_09_2019) ? first.minusMonths(1).atDay(DECREE_09_FIRST_DAY)
				: first.atDay(1);
	}

	/** Last day of the Decree 09 (or calendar) window. */
	private LocalDate baseEnd(Period.Key key) {
		YearMonth last = YearMonth.of(key.year(), lastMonth(key));
		return (this.regime.cutOff() == CutOff.DECREE_09_2019) ? last.atDay(DECREE_09_CUT_OFF_DAY)
				: last.atEndOfMonth();
	}

	private static int firstMonth(Period.Key key) {
		return switch (key.type()) {
			case MONTH -> key.number();
			case QUARTER -> 3 * key.number() - 2;
			case HALF_YEAR -> 6 * key.number() - 5;
			case NINE_MONTHS -> (key.number() == 1) ? 1 : 10;
			case YEAR -> 1;
		};
	}

	private static int lastMonth(Period.Key key) {
		return switch (key.type()) {
			case MONTH -> key.number();
			case QUARTER -> 3 * key.number();
			case HALF_YEAR -> 6 * key.number();
			case NINE_MONTHS -> (key.number() == 1) ? 9 : 12;
			case YEAR -> 12;
		};
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
