package vn.gov.cchc.report.period;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanDetails.ReportingRegime.CutOff;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitKind;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.cchc.report.period.ReportingCalendarTests.day;

/**
 * Bắc Ninh's plan 22/KH-UBND of 2022 (the demo seed): 6-month report before 15/6 and
 * annual report before 20/11, although Decree 09 cuts off on 14/6 and 14/12. Expected
 * values are worked out by hand from the 2022 calendar (no holiday in June or November
 * 2022) with the default leads: communes 3 working days before everyone else.
 */
class BacNinhReportingCalendarTests {

	static final Path SEED = Path.of("../deploy/local/demo/plans/27-2022-22-KH-UBND.json");

	private static PlanDetails plan;

	private static ReportingCalendar calendar;

	@BeforeAll
	static void readSeed() {
		JsonMapper json = JsonMapper.builder().build();
		// The seed is the body a client sends; the service adds version and status.
		ObjectNode body = (ObjectNode) json.readTree(SEED.toFile());
		body.put("version", 1);
		body.put("status", PlanStatus.ISSUED.name());
		plan = json.treeToValue(body, PlanDetails.class);
		calendar = new Periods(ReportingCalendarTests.DAYS, PeriodsProperties.defaults()).calendar(plan.reporting());
	}

	@Test
	void theSeedAsksForHalfYearAndAnnualReportsUnderDecree09() {
		assertThat(plan.number()).isEqualTo("22/KH-UBND");
		assertThat(plan.reporting().cutOff()).isEqualTo(CutOff.DECREE_09_2019);
		assertThat(plan.reporting().periods()).containsExactly(PeriodType.HALF_YEAR, PeriodType.YEAR);
		assertThat(calendar.reportedPeriods(2022)).extracting(Period::id).containsExactly("2022-H1", "2022-Y");
	}

	@Test
	void theFirstHalfOf2022IsCutOffOn7JuneForReportsDueBefore15June() {
		// Due before Wed 15/6: the others on Tue 14/6; communes 3 working days earlier on
		// Thu 9/6. Wed 8/6 is the working day between; the cut-off is Tue 7/6. The window
		// starts the day after the year 2021 was cut off (see the annual report).
		Period h1 = calendar.find("2022-H1").orElseThrow();

		assertThat(h1.start()).isEqualTo(day(2021, 11, 15));
		assertThat(h1.end()).isEqualTo(day(2022, 6, 7));
		assertThat(calendar.dueDate(h1, UnitKind.COMMUNE)).isEqualTo(day(2022, 6, 9));
		assertThat(calendar.dueDate(h1, UnitKind.DISTRICT)).isEqualTo(day(2022, 6, 14));
		assertThat(calendar.dueDate(h1, UnitKind.DEPARTMENT)).isEqualTo(day(2022, 6, 14));
	}

	@Test
	void theYear2022IsCutOffOn13NovemberForReportsDueBefore20November() {
		// Due before Sun 20/11/2022: the others on Fri 18/11; communes on Tue 15/11; Mon
		// 14/11 between; cut-off Sun 13/11. Likewise 20/11/2021 was a Saturday: communes
		// due Tue 16/11/2021, cut-off Sun 14/11/2021, so 2022 starts on Mon 15/11/2021.
		Period year = calendar.find("2022-Y").orElseThrow();

		assertThat(year.start()).isEqualTo(day(2021, 11, 15));
		assertThat(year.end()).isEqualTo(day(2022, 11, 13));
		assertThat(calendar.dueDate(year, UnitKind.COMMUNE)).isEqualTo(day(2022, 11, 15));
		assertThat(calendar.dueDate(year, UnitKind.DISTRICT)).isEqualTo(day(2022, 11, 18));
		assertThat(calendar.dueDate(year, UnitKind.DEPARTMENT)).isEqualTo(day(2022, 11, 18));
	}

	@Test
	void theSecondHalfAndTheFourthQuarterEndWithTheYear() {
		Period h2 = calendar.find("2022-H2").orElseThrow();

		assertThat(List.of(h2.start(), h2.end())).containsExactly(day(2022, 6, 8), day(2022, 11, 13));
		assertThat(calendar.dueDate(h2, UnitKind.DISTRICT)).isEqualTo(day(2022, 11, 18));
		Period q4 = calendar.find("2022-Q4").orElseThrow();
		assertThat(List.of(q4.start(), q4.end())).containsExactly(day(2022, 9, 15), day(2022, 11, 13));
		assertThat(calendar.find("2023-Q1").orElseThrow().start()).isEqualTo(day(2022, 11, 14));
		// Months keep Decree 09 windows.
		assertThat(calendar.find("2022-M12").orElseThrow().start()).isEqualTo(day(2022, 11, 15));
	}

	@Test
	void eventsAroundEachCutOffLandInTheRightPeriod() {
		assertThat(halfOf(day(2022, 6, 6))).isEqualTo("2022-H1");
		assertThat(halfOf(day(2022, 6, 7))).isEqualTo("2022-H1");
		assertThat(halfOf(day(2022, 6, 8))).isEqualTo("2022-H2");
		assertThat(halfOf(day(2022, 6, 14))).isEqualTo("2022-H2");

		assertThat(yearOf(day(2021, 11, 14))).isEqualTo("2021-Y");
		assertThat(yearOf(day(2021, 11, 15))).isEqualTo("2022-Y");
		assertThat(yearOf(day(2022, 11, 12))).isEqualTo("2022-Y");
		assertThat(yearOf(day(2022, 11, 13))).isEqualTo("2022-Y");
		assertThat(yearOf(day(2022, 11, 14))).isEqualTo("2023-Y");
		assertThat(halfOf(day(2022, 11, 14))).isEqualTo("2023-H1");
		assertThat(yearOf(day(2022, 12, 14))).isEqualTo("2023-Y");
	}

	@Test
	void dueDatesAreNeverOnAWeekendOrAHoliday() {
		WorkingCalendar days = calendar.workingDays();
		for (int year = 2019; year <= 2027; year++) {
			for (Period period : calendar.reportedPeriods(year)) {
				calendar.dueDates(period)
					.forEach((level, due) -> assertThat(days.isWorkingDay(due)).as("%s %s %s", period.id(), level, due)
						.isTrue());
			}
		}
	}

	private static String halfOf(LocalDate day) {
		return calendar.periodOf(PeriodType.HALF_YEAR, day).id();
	}

	private static String yearOf(LocalDate day) {
		return calendar.periodOf(PeriodType.YEAR, day).id();
	}

}
