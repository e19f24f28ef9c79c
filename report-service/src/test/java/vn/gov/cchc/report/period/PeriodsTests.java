package vn.gov.cchc.report.period;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails.Deadline;
import vn.gov.cchc.events.PlanDetails.ReportingRegime;
import vn.gov.cchc.events.PlanDetails.ReportingRegime.CutOff;
import vn.gov.cchc.events.UnitKind;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring side: settings bound from {@code cchc.report.periods.*} with their defaults,
 * and one calendar per regime.
 */
class PeriodsTests {

	private static final ReportingRegime BAC_NINH = new ReportingRegime(List.of(PeriodType.HALF_YEAR, PeriodType.YEAR),
			CutOff.DECREE_09_2019, List.of(new Deadline(PeriodType.HALF_YEAR, null, MonthDay.of(6, 15), null),
					new Deadline(PeriodType.YEAR, null, MonthDay.of(11, 20), null)),
			"27-SNV", null);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PeriodsConfiguration.class, Periods.class);

	@Test
	void defaultsLeadCommunesByThreeWorkingDaysAndFallBackToThreeDaysAfterCutOff() {
		this.runner.run((context) -> {
			PeriodsProperties properties = context.getBean(PeriodsProperties.class);
			assertThat(properties.levelLeadWorkingDays()).containsExactly(Map.entry(UnitKind.COMMUNE, 3));
			assertThat(properties.defaultWorkingDaysAfterCutOff()).isEqualTo(3);
			assertThat(properties.extraHolidays()).isEmpty();
			assertThat(context.getBean(WorkingCalendar.class).isWorkingDay(LocalDate.of(2024, 9, 3))).isFalse();
		});
	}

	@Test
	void bindsExtraDaysLeadsAndTheFallback() {
		this.runner
			.withPropertyValues("cchc.report.periods.extra-holidays=2026-01-02",
					"cchc.report.periods.extra-working-days=2026-01-10",
					"cchc.report.periods.level-lead-working-days.district=1",
					"cchc.report.periods.default-working-days-after-cut-off=5")
			.run((context) -> {
				PeriodsProperties properties = context.getBean(PeriodsProperties.class);
				assertThat(properties.levelLeadWorkingDays()).containsEntry(UnitKind.COMMUNE, 3)
					.containsEntry(UnitKind.DISTRICT, 1);
				assertThat(properties.defaultWorkingDaysAfterCutOff()).isEqualTo(5);
				WorkingCalendar days = context.getBean(Periods.class).workingDays();
				assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
				assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
				// Q1 2024 cuts off Thu 14/3: the 5th working day is Thu 21/3, a day's
				// lead Wed 20/3.
				ReportingCalendar calendar = context.getBean(Periods.class)
					.calendar(new ReportingRegime(List.of(PeriodType.QUARTER), CutOff.DECREE_09_2019, List.of(),
							"27-SNV", null));
				Period q1 = calendar.find("2024-Q1").orElseThrow();
				assertThat(calendar.dueDate(q1, UnitKind.DEPARTMENT)).isEqualTo(LocalDate.of(2024, 3, 21));
				assertThat(calendar.dueDate(q1, UnitKind.DISTRICT)).isEqualTo(LocalDate.of(2024, 3, 20));
			});
	}

	@Test
	void buildsOneCalendarPerRegime() {
		this.runner.run((context) -> {
			Periods periods = context.getBean(Periods.class);
			ReportingCalendar calendar = periods.calendar(BAC_NINH);

			assertThat(periods.calendar(new ReportingRegime(BAC_NINH.periods(), BAC_NINH.cutOff(), BAC_NINH.deadlines(),
					BAC_NINH.receiverUnitCode(), null)))
				.isSameAs(calendar);
			assertThat(periods.calendar(new ReportingRegime(BAC_NINH.periods(), CutOff.CALENDAR, BAC_NINH.deadlines(),
					BAC_NINH.receiverUnitCode(), null)))
				.isNotSameAs(calendar);
			assertThat(calendar.regime()).isEqualTo(BAC_NINH);
		});
	}

}
