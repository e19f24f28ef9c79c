package vn.gov.cchc.report.period;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Working days of the Vietnamese public service: Monday to Friday, except holidays, plus
 * the Saturdays worked to make up a swapped day off. Deadlines are counted in these days,
 * because a report "due on the 3rd working day" cannot fall on Tết.
 * <p>
 * The shipped lists ({@value #HOLIDAYS} and {@value #MAKE_UP_DAYS}) cover 2019–2027;
 * outside those years only weekends are days off unless holidays are configured.
 */
public final class WorkingCalendar {

	static final String HOLIDAYS = "period/holidays-vn.csv";

	static final String MAKE_UP_DAYS = "period/make-up-days-vn.csv";

	static final String CONFIGURED_HOLIDAY = "Ngày nghỉ theo cấu hình";

	/**
	 * More consecutive days off than any real calendar has: a walk that goes further is
	 * looping over a misconfigured calendar.
	 */
	private static final int MAX_DAYS_OFF_IN_A_ROW = 400;

	private final Map<LocalDate, String> holidays;

	private final Set<LocalDate> makeUpDays;

	/**
	 * A calendar of the given days off and make-up working days. A day in both lists is a
	 * working day: a make-up day is always a deliberate decision about that one day.
	 * @param holidays days off besides weekends, with their names
	 * @param makeUpDays weekend days that are working days
	 */
	public WorkingCalendar(Map<LocalDate, String> holidays, Collection<LocalDate> makeUpDays) {
		this.holidays = Map.copyOf(holidays);
		this.makeUpDays = Set.copyOf(makeUpDays);
	}

	/**
	 * The shipped Vietnamese calendar with configured days on top.
	 * @param extraHolidays further days off (e.g. a swap decided after release)
	 * @param extraWorkingDays further make-up Saturdays
	 */
	public static WorkingCalendar vietnam(Collection<LocalDate> extraHolidays, Collection<LocalDate> extraWorkingDays) {
		Map<LocalDate, String> holidays = new HashMap<>(read(HOLIDAYS));
		extraHolidays.forEach((day) -> holidays.putIfAbsent(day, CONFIGURED_HOLIDAY));
		Set<LocalDate> makeUpDays = new HashSet<>(read(MAKE_UP_DAYS).keySet());
		makeUpDays.addAll(extraWorkingDays);
		return new WorkingCalendar(holidays, makeUpDays);
	}

	/**
	 * Reads a {@code date,name} list: {@code #} lines are comments, the {@code date,name}
	 * header is skipped.
	 */
	static Map<LocalDate, String> read(String resource) {
		InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Missing resource " + resource);
		}
		Map<LocalDate, String> days = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			int lineNumber = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lineNumber++;
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("date,name")) {
					continue;
				}
				int comma = trimmed.indexOf(',');
				if (comma < 0) {
					throw new IllegalStateException(resource + ":" + lineNumber + ": expected date,name");
				}
				try {
					LocalDate day = LocalDate.parse(trimmed.substring(0, comma).strip());
					if (days.put(day, trimmed.substring(comma + 1).strip()) != null) {
						throw new IllegalStateException(resource + ":" + lineNumber + ": " + day + " listed twice");
					}
				}
				catch (DateTimeParseException ex) {
					throw new IllegalStateException(resource + ":" + lineNumber + ": " + ex.getMessage(), ex);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return days;
	}

	/** Whether public servants work on that day. */
	public boolean isWorkingDay(LocalDate day) {
		if (this.makeUpDays.contains(day)) {
			return true;
		}
		DayOfWeek dayOfWeek = day.getDayOfWeek();
		return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !this.holidays.containsKey(day);
	}

	/** Whether the day is a listed holiday (whatever its day of the week). */
	public boolean isHoliday(LocalDate day) {
		return this.holidays.containsKey(day) && !this.makeUpDays.contains(day);
	}

	/** The holiday's name, e.g. {@code Tết Nguyên đán}. */
	public Optional<String> holidayName(LocalDate day) {
		return isHoliday(day) ? Optional.of(this.holidays.get(day)) : Optional.empty();
	}

	/** The last working day on or before the given day. */
	public LocalDate previousWorkingDay(LocalDate onOrBefore) {
		LocalDate day = onOrBefore;
		for (int i = 0; !isWorkingDay(day); i++) {
			guard(i, onOrBefore);
			day = day.minusDays(1);
		}
		return day;
	}

	/** The first working day strictly after the given day. */
	public LocalDate nextWorkingDay(LocalDate after) {
		LocalDate day = after.plusDays(1);
		for (int i = 0; !isWorkingDay(day); i++) {
			guard(i, after);
			day = day.plusDays(1);
		}
		return day;
	}

	/** The first working day strictly before the given day. */
	public LocalDate workingDayBefore(LocalDate before) {
		return previousWorkingDay(before.minusDays(1));
	}

	/**
	 * The n-th working day before the given day, the day itself not counted: from a
	 * Monday, 1 is the Friday before (when it is a working day). {@code 0} gives the day
	 * itself.
	 */
	public LocalDate minusWorkingDays(LocalDate day, int n) {
		requireNotNegative(n);
		LocalDate result = day;
		for (int i = 0; i < n; i++) {
			result = workingDayBefore(result);
		}
		return result;
	}

	/**
	 * The n-th working day after the given day, the day itself not counted. {@code 0}
	 * gives the day itself.
	 */
	public LocalDate plusWorkingDays(LocalDate day, int n) {
		requireNotNegative(n);
		LocalDate result = day;
		for (int i = 0; i < n; i++) {
			result = nextWorkingDay(result);
		}
		return result;
	}

	private static void requireNotNegative(int n) {
		if (n < 0) {
			throw new IllegalArgumentException("A number of working days cannot be negative: " + n);
		}
	}

	private static void guard(int steps, LocalDate from) {
		if (steps > MAX_DAYS_OFF_IN_A_ROW) {
			throw new IllegalStateException("No working day within " + MAX_DAYS_OFF_IN_A_ROW + " days of " + from);
		}
	}

}
