package vn.gov.cchc.report.period;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails.Deadline;
import vn.gov.cchc.events.PlanDetails.ReportingRegime;
import vn.gov.cchc.events.PlanDetails.ReportingRegime.CutOff;
import vn.gov.cchc.events.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Windows and due dates of plain regimes: Decree 09 and calendar windows, relative
 * deadlines per level, what the engine refuses.
 */
class ReportingCalendarTests {

	static final WorkingCalendar DAYS = WorkingCalendar.vietnam(List.of(), List.of());

	static ReportingCalendar calendar(CutOff cutOff, List<PeriodType> periods, Deadline... deadlines) {
		PeriodsProperties defaults = PeriodsProperties.defaults();
		return new ReportingCalendar(new ReportingRegime(periods, cutOff, List.of(deadlines), "27-SNV", null), DAYS,
				defaults.levelLeadWorkingDays(), defaults.defaultWorkingDaysAfterCutOff());
	}

	static LocalDate day(int year, int month, int dayOfMonth) {
		return LocalDate.of(year, month, dayOfMonth);
	}

	private final ReportingCalendar decree = calendar(CutOff.DECREE_09_2019,
			List.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR));

	@Test
	void decree09WindowsRunFromThe15thToThe14th() {
		assertThat(window("2024-M01")).containsExactly(day(2023, 12, 15), day(2024, 1, 14));
		assertThat(window("2024-M02")).containsExactly(day(2024, 1, 15), day(2024, 2, 14));
		assertThat(window("2024-Q1")).containsExactly(day(2023, 12, 15), day(2024, 3, 14));
		assertThat(window("2024-Q2")).containsExactly(day(2024, 3, 15), day(2024, 6, 14));
		assertThat(window("2024-Q4")).containsExactly(day(2024, 9, 15), day(2024, 12, 14));
		assertThat(window("2024-H1")).containsExactly(day(2023, 12, 15), day(2024, 6, 14));
		assertThat(window("2024-H2")).containsExactly(day(2024, 6, 15), day(2024, 12, 14));
		assertThat(window("2024-9M")).containsExactly(day(2023, 12, 15), day(2024, 9, 14));
		assertThat(window("2024-9M2")).containsExactly(day(2024, 9, 15), day(2024, 12, 14));
		assertThat(window("2024-Y")).containsExactly(day(2023, 12, 15), day(2024, 12, 14));
	}

	@Test
	void aDayFromThe15thOfDecemberBelongsToTheNextYear() {
		assertThat(this.decree.periodOf(PeriodType.YEAR, day(2023, 12, 14)).id()).isEqualTo("2023-Y");
		assertThat(this.decree.periodOf(PeriodType.YEAR, day(2023, 12, 15)).id()).isEqualTo("2024-Y");
		assertThat(this.decree.periodOf(PeriodType.MONTH, day(2023, 12, 15)).id()).isEqualTo("2024-M01");
		assertThat(this.decree.periodOf(PeriodType.QUARTER, day(2024, 3, 14)).id()).isEqualTo("2024-Q1");
		assertThat(this.decree.periodOf(PeriodType.QUARTER, day(2024, 3, 15)).id()).isEqualTo("2024-Q2");
		assertThat(this.decree.periodOf(PeriodType.NINE_MONTHS, day(2024, 9, 15)).id()).isEqualTo("2024-9M2");
	}

	@Test
	void calendarWindowsAreCalendarMonthsQuartersHalvesAndYears() {
		ReportingCalendar calendar = calendar(CutOff.CALENDAR, List.of(PeriodType.QUARTER));

		assertThat(window(calendar, "2024-M02")).containsExactly(day(2024, 2, 1), day(2024, 2, 29));
		assertThat(window(calendar, "2024-Q1")).containsExactly(day(2024, 1, 1), day(2024, 3, 31));
		assertThat(window(calendar, "2024-H2")).containsExactly(day(2024, 7, 1), day(2024, 12, 31));
		assertThat(window(calendar, "2024-9M")).containsExactly(day(2024, 1, 1), day(2024, 9, 30));
		assertThat(window(calendar, "2024-9M2")).containsExactly(day(2024, 10, 1), day(2024, 12, 31));
		assertThat(window(calendar, "2024-Y")).containsExactly(day(2024, 1, 1), day(2024, 12, 31));
		assertThat(calendar.periodOf(PeriodType.YEAR, day(2023, 12, 31)).id()).isEqualTo("2023-Y");
		assertThat(calendar.periodOf(PeriodType.MONTH, day(2024, 1, 15)).id()).isEqualTo("2024-M01");
	}

	@Test
	void withoutADeadlineOthersAreDueOnThe3rdWorkingDayAndCommunesOnThe2nd() {
		// Cut-off Thursday 14/3/2024: Fri 15 is the 1st working day, Mon 18 the 2nd, Tue
		// 19
		// the 3rd. Three days' lead would put communes on the cut-off day itself, so they
		// get the earliest day that leaves one working day to prepare.
		Period q1 = this.decree.find("2024-Q1").orElseThrow();

		assertThat(this.decree.dueDate(q1, UnitKind.DISTRICT)).isEqualTo(day(2024, 3, 19));
		assertThat(this.decree.dueDate(q1, UnitKind.DEPARTMENT)).isEqualTo(day(2024, 3, 19));
		assertThat(this.decree.dueDate(q1, UnitKind.COMMUNE)).isEqualTo(day(2024, 3, 18));
		assertThat(q1.end()).isEqualTo(day(2024, 3, 14));
	}

	@Test
	void dueDatesSkipTet() {
		// 2024-M02 cuts off on Wed 14/2/2024, the last day of Tết: Thu 15, Fri 16, Mon
		// 19.
		Period february = this.decree.find("2024-M02").orElseThrow();

		assertThat(this.decree.dueDate(february, UnitKind.DISTRICT)).isEqualTo(day(2024, 2, 19));
		assertThat(this.decree.dueDate(february, UnitKind.COMMUNE)).isEqualTo(day(2024, 2, 16));
	}

	@Test
	void aLevelSpecificDeadlineWinsAndLowerLevelsLeadByTheirWorkingDays() {
		ReportingCalendar calendar = calendar(CutOff.DECREE_09_2019, List.of(PeriodType.QUARTER),
				new Deadline(PeriodType.QUARTER, null, null, 10),
				new Deadline(PeriodType.QUARTER, UnitKind.PROVINCE, null, 12));
		// Cut-off Fri 14/6/2024; 10th working day Fri 28/6, 12th Tue 2/7.
		Period q2 = calendar.find("2024-Q2").orElseThrow();

		assertThat(calendar.dueDate(q2, UnitKind.PROVINCE)).isEqualTo(day(2024, 7, 2));
		assertThat(calendar.dueDate(q2, UnitKind.DISTRICT)).isEqualTo(day(2024, 6, 28));
		assertThat(calendar.dueDate(q2, UnitKind.COMMUNE)).isEqualTo(day(2024, 6, 25));
	}

	@Test
	void communesAreNeverDueAfterTheUnitsThatConsolidateThem() {
		ReportingCalendar calendar = calendar(CutOff.DECREE_09_2019, List.of(PeriodType.MONTH),
				new Deadline(PeriodType.MONTH, null, null, 2),
				new Deadline(PeriodType.MONTH, UnitKind.COMMUNE, null, 8));
		// Cut-off Tue 14/5/2024: the 2nd working day is Thu 16/5; the communes' own 8th
		// working day less 3 would be Tue 21/5.
		Period may = calendar.find("2024-M05").orElseThrow();

		assertThat(calendar.dueDate(may, UnitKind.DISTRICT)).isEqualTo(day(2024, 5, 16));
		assertThat(calendar.dueDate(may, UnitKind.COMMUNE)).isEqualTo(day(2024, 5, 16));
	}

	@Test
	void theSecondHalfAndTheRemainderAreDueWithTheAnnualReport() {
		ReportingCalendar calendar = calendar(CutOff.DECREE_09_2019,
				List.of(PeriodType.HALF_YEAR, PeriodType.NINE_MONTHS, PeriodType.YEAR),
				new Deadline(PeriodType.YEAR, null, null, 5));
		Period year = calendar.find("2024-Y").orElseThrow();

		assertThat(calendar.dueDates(calendar.find("2024-H2").orElseThrow())).isEqualTo(calendar.dueDates(year));
		assertThat(calendar.dueDates(calendar.find("2024-9M2").orElseThrow())).isEqualTo(calendar.dueDates(year));
		// Cut-off Sat 14/12/2024: Mon 16 is the 1st working day, Fri 20 the 5th.
		assertThat(calendar.dueDate(year, UnitKind.DISTRICT)).isEqualTo(day(2024, 12, 20));
	}

	@Test
	void listsTheReportedPeriodsOfItsTypesOnly() {
		ReportingCalendar calendar = calendar(CutOff.DECREE_09_2019,
				List.of(PeriodType.YEAR, PeriodType.HALF_YEAR, PeriodType.NINE_MONTHS));

		assertThat(calendar.reportedPeriods(2022)).extracting(Period::id)
			.containsExactly("2022-H1", "2022-9M", "2022-Y");
		assertThat(this.decree.reportedPeriods(2022)).hasSize(12 + 4 + 1);
		assertThat(calendar.periods(PeriodType.HALF_YEAR, 2022)).extracting(Period::id)
			.containsExactly("2022-H1", "2022-H2");
	}

	@Test
	void findsAPeriodByIdAndNothingForAWrongId() {
		assertThat(this.decree.find("2022-H2")).get().extracting(Period::start).isEqualTo(day(2022, 6, 15));
		assertThat(this.decree.find("2022-H3")).isEmpty();
		assertThat(this.decree.find("năm 2022")).isEmpty();
	}

	@Test
	void rejectsADayOfTheYearAsAMonthlyOrQuarterlyDeadline() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> calendar(CutOff.DECREE_09_2019, List.of(PeriodType.MONTH),
					new Deadline(PeriodType.MONTH, null, MonthDay.of(6, 15), null)))
			.withMessageContaining("daysAfterCutOff");
		assertThatIllegalArgumentException().isThrownBy(() -> calendar(CutOff.DECREE_09_2019,
				List.of(PeriodType.QUARTER), new Deadline(PeriodType.QUARTER, null, MonthDay.of(6, 15), null)));
	}

	@Test
	void rejectsTwoDeadlinesForTheSameTypeAndLevel() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> calendar(CutOff.DECREE_09_2019, List.of(PeriodType.YEAR),
					new Deadline(PeriodType.YEAR, UnitKind.COMMUNE, MonthDay.of(11, 20), null),
					new Deadline(PeriodType.YEAR, UnitKind.COMMUNE, null, 3)))
			.withMessageContaining("Two deadlines");
	}

	@Test
	void rejectsAnAnnualDeadlineThatLeavesNoSecondHalf() {
		// Due before 1 June: the year would end in May, before the second half starts.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> calendar(CutOff.DECREE_09_2019, List.of(PeriodType.YEAR),
					new Deadline(PeriodType.YEAR, null, MonthDay.of(6, 1), null)))
			.withMessageContaining("no window");
	}

	private List<LocalDate> window(String id) {
		return window(this.decree, id);
	}

	private static List<LocalDate> window(ReportingCalendar calendar, String id) {
		Period period = calendar.find(id).orElseThrow();
		return List.of(period.start(), period.end());
	}

}
