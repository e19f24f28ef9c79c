package vn.gov.cchc.report.period;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.cchc.events.PeriodType;

/**
 * One data window of a reporting regime: the facts dated from {@code start} to
 * {@code end} (the cut-off), both inclusive, go into the report of this period.
 * <p>
 * Every period type tiles the timeline, including the halves and the nine months'
 * remainder that nobody reports on separately, so that any day belongs to exactly one
 * period of every type whatever the regime asks for.
 *
 * @param type the period type
 * @param year the year in the label ({@code 2022-H1}); Decree 09 windows start in
 * December of the year before
 * @param number the month 1–12, quarter 1–4, half 1–2, 1 for the nine months and 2 for
 * the remainder of the year after them, 1 for the year
 * @param start first day of the window
 * @param end last day of the window, the data cut-off
 */
public record Period(PeriodType type, int year, int number, LocalDate start, LocalDate end) {

	public Period {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		new Key(type, year, number);
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("Period " + new Key(type, year, number).id() + " ends (" + end
					+ ") before it starts (" + start + ")");
		}
	}

	/** Which period this is, without its window. */
	public Key key() {
		return new Key(this.type, this.year, this.number);
	}

	/**
	 * The period's id: {@code 2022-M05}, {@code 2022-Q2}, {@code 2022-H1},
	 * {@code 2022-9M}, {@code 2022-9M2} (the remainder after nine months),
	 * {@code 2022-Y}.
	 */
	public String id() {
		return key().id();
	}

	/** Whether a report is due for this period; see {@link Key#reported()}. */
	public boolean reported() {
		return key().reported();
	}

	/** Whether the day falls in this period's window. */
	public boolean contains(LocalDate day) {
		return !day.isBefore(this.start) && !day.isAfter(this.end);
	}

	/**
	 * Reads a period id such as {@code 2022-Q2}.
	 * @throws IllegalArgumentException if it is not one
	 */
	public static Key parse(String id) {
		Matcher matcher = Key.ID.matcher(id);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a period id: '" + id
					+ "' (expected e.g. 2022-M05, 2022-Q2, 2022-H1, 2022-9M, 2022-9M2, 2022-Y)");
		}
		int year = Integer.parseInt(matcher.group(1));
		String rest = matcher.group(2);
		return switch (rest.charAt(0)) {
			case 'M' -> new Key(PeriodType.MONTH, year, Integer.parseInt(rest.substring(1)));
			case 'Q' -> new Key(PeriodType.QUARTER, year, Integer.parseInt(rest.substring(1)));
			case 'H' -> new Key(PeriodType.HALF_YEAR, year, Integer.parseInt(rest.substring(1)));
			case '9' -> new Key(PeriodType.NINE_MONTHS, year, rest.equals("9M") ? 1 : 2);
			default -> new Key(PeriodType.YEAR, year, 1);
		};
	}

	/**
	 * A period named without its window, which depends on the regime.
	 *
	 * @param type the period type
	 * @param year the year in the label
	 * @param number the number within the year, see {@link Period}
	 */
	public record Key(PeriodType type, int year, int number) {

		static final Pattern ID = Pattern.compile("(\\d{4})-(M(?:0[1-9]|1[0-2])|Q[1-4]|H[12]|9M2?|Y)");

		public Key {
			Objects.requireNonNull(type, "type");
			if (year < 1 || year > 9999) {
				throw new IllegalArgumentException("Year out of range: " + year);
			}
			if (number < 1 || number > count(type)) {
				throw new IllegalArgumentException(
						"A " + type + " period is numbered 1 to " + count(type) + ", not " + number);
			}
		}

		/** How many periods of the type a year has. */
		public static int count(PeriodType type) {
			return switch (type) {
				case MONTH -> 12;
				case QUARTER -> 4;
				case HALF_YEAR, NINE_MONTHS -> 2;
				case YEAR -> 1;
			};
		}

		/** The id, e.g. {@code 2022-M05}; see {@link Period#id()}. */
		public String id() {
			String suffix = switch (this.type) {
				case MONTH -> "M%02d".formatted(this.number);
				case QUARTER -> "Q" + this.number;
				case HALF_YEAR -> "H" + this.number;
				case NINE_MONTHS -> (this.number == 1) ? "9M" : "9M2";
				case YEAR -> "Y";
			};
			return "%04d-%s".formatted(this.year, suffix);
		}

		/**
		 * Whether a report is due: every month, quarter and year, the first half and the
		 * nine months. The second half and the remainder after nine months are covered by
		 * the annual report.
		 */
		public boolean reported() {
			return switch (this.type) {
				case HALF_YEAR, NINE_MONTHS -> this.number == 1;
				default -> true;
			};
		}

		/** The period of the same type just after this one. */
		public Key next() {
			return (this.number < count(this.type)) ? new Key(this.type, this.year, this.number + 1)
					: new Key(this.type, this.year + 1, 1);
		}

		/** The period of the same type just before this one. */
		public Key previous() {
			return (this.number > 1) ? new Key(this.type, this.year, this.number - 1)
					: new Key(this.type, this.year - 1, count(this.type));
		}

		/**
		 * Whether it is the last period of its type in its year (ending with the year).
		 */
		boolean last() {
			return this.number == count(this.type);
		}

	}

}
