package vn.gov.cchc.report.period;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails.Deadline;
import vn.gov.cchc.events.PlanDetails.ReportingRegime;
import vn.gov.cchc.events.PlanDetails.ReportingRegime.CutOff;
import vn.gov.cchc.events.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the regime: every day is in exactly one period of each type, periods tile the
 * timeline across years, every due date is a working day with a full working day after
 * the cut-off, and communes are never due after the units above them.
 * <p>
 * Regimes and days are random; the seed is in every failure message. Run again with
 * {@code -Dperiods.seed=<seed>} to reproduce.
 */
class ReportingCalendarPropertyTests {

	private static final int REGIMES = 150;

	private static final int DAYS_PER_REGIME = 40;

	private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);

	private static final int DAYS_IN_RANGE = (int) (LocalDate.of(2028, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());

	private final long seed = Long.getLong("periods.seed", new Random().nextLong());

	private final Random random = new Random(this.seed);

	private final WorkingCalendar days = ReportingCalendarTests.DAYS;

	@Test
	void everyDayIsInExactlyOnePeriodOfEachTypeAndPeriodsTileTheTimeline() {
		for (int r = 0; r < REGIMES; r++) {
			ReportingCalendar calendar = randomCalendar();
			String context = context(calendar);
			for (PeriodType type : PeriodType.values()) {
				List<Period> periods = new ArrayList<>();
				for (int year = 2018; year <= 2028; year++) {
					periods.addAll(calendar.periods(type, year));
				}
				for (int i = 1; i < periods.size(); i++) {
					Period before = periods.get(i - 1);
					Period after = periods.get(i);
					assertThat(after.start()).as("%s: %s follows %s (%s)", context, after.id(), before.id(), before)
						.isEqualTo(before.end().plusDays(1));
				}
				for (int d = 0; d < DAYS_PER_REGIME; d++) {
					LocalDate day = FIRST_DAY.plusDays(this.random.nextInt(DAYS_IN_RANGE));
					Period period = calendar.periodOf(type, day);
					assertThat(period.contains(day)).as("%s: %s %s is in %s", context, type, day, period).isTrue();
					assertThat(periods.stream().filter((p) -> p.contains(day)))
						.as("%s: periods of %s holding %s", context, type, day)
						.containsExactly(period);
				}
			}
		}
	}

	@Test
	void dueDatesAreWorkingDaysAfterAFullWorkingDayAndLowerLevelsAreNotLater() {
		for (int r = 0; r < REGIMES; r++) {
			ReportingCalendar calendar = randomCalendar();
			String context = context(calendar);
			for (int year = 2019; year <= 2027; year++) {
				for (PeriodType type : PeriodType.values()) {
					for (Period period : calendar.periods(type, year)) {
						Map<UnitKind, LocalDate> due = calendar.dueDates(period);
						assertThat(due).as("%s: %s", context, period.id()).containsOnlyKeys(UnitKind.values());
						due.forEach((level, day) -> {
							String what = "%s: %s %s due %s".formatted(context, period, level, day);
							assertThat(this.days.isWorkingDay(day)).as(what).isTrue();
							assertThat(this.days.workingDayBefore(day)).as(what + ", a working day after the cut-off")
								.isAfter(period.end());
						});
						String levels = "%s: %s %s".formatted(context, period.id(), due);
						assertThat(due.get(UnitKind.COMMUNE)).as(levels).isBeforeOrEqualTo(due.get(UnitKind.DISTRICT));
						assertThat(due.get(UnitKind.COMMUNE)).as(levels)
							.isBeforeOrEqualTo(due.get(UnitKind.DEPARTMENT));
						assertThat(due.get(UnitKind.DISTRICT)).as(levels).isBeforeOrEqualTo(due.get(UnitKind.PROVINCE));
					}
				}
			}
		}
	}

	private String context(ReportingCalendar calendar) {
		return "seed " + this.seed + ", regime " + calendar.regime();
	}

	private ReportingCalendar randomCalendar() {
		CutOff cutOff = CutOff.values()[this.random.nextInt(CutOff.values().length)];
		List<PeriodType> periods = new ArrayList<>();
		for (PeriodType type : PeriodType.values()) {
			if (this.random.nextBoolean()) {
				periods.add(type);
			}
		}
		List<Deadline> deadlines = new ArrayList<>();
		for (PeriodType type : PeriodType.values()) {
			if (this.random.nextInt(3) > 0) {
				deadlines.add(randomDeadline(type, null));
			}
			for (UnitKind level : UnitKind.values()) {
				if (this.random.nextInt(5) == 0) {
					deadlines.add(randomDeadline(type, level));
				}
			}
		}
		Map<UnitKind, Integer> leads = new EnumMap<>(UnitKind.class);
		for (UnitKind level : UnitKind.values()) {
			leads.put(level, this.random.nextInt(level == UnitKind.COMMUNE ? 6 : 3));
		}
		return new ReportingCalendar(new ReportingRegime(periods, cutOff, deadlines, "27-SNV", null), this.days, leads,
				1 + this.random.nextInt(10));
	}

	/**
	 * A deadline as plans write them: a day of the year for the half, nine months and
	 * year (June to August, mid-August to October, November to December), otherwise 1 to
	 * 20 working days after the cut-off.
	 */
	private Deadline randomDeadline(PeriodType type, UnitKind level) {
		LocalDate from = switch (type) {
			case HALF_YEAR -> LocalDate.of(2023, 5, 15);
			case NINE_MONTHS -> LocalDate.of(2023, 8, 15);
			case YEAR -> LocalDate.of(2023, 11, 1);
			case MONTH, QUARTER -> null;
		};
		if (from != null && this.random.nextBoolean()) {
			int span = (type == PeriodType.YEAR) ? 61 : 78;
			return new Deadline(type, level, MonthDay.from(from.plusDays(this.random.nextInt(span))), null);
		}
		return new Deadline(type, level, null, 1 + this.random.nextInt(20));
	}

}
