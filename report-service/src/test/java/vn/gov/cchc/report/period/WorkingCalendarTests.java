package vn.gov.cchc.report.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Working days of the public service: weekends, the shipped holidays 2019–2027, make-up
 * Saturdays and configured days.
 */
class WorkingCalendarTests {

	private final WorkingCalendar days = WorkingCalendar.vietnam(List.of(), List.of());

	@Test
	void tet2024IsOffFromThe29thOfTheLastMonthToTheFifthDay() {
		for (LocalDate day = LocalDate.of(2024, 2, 8); !day.isAfter(LocalDate.of(2024, 2, 14)); day = day.plusDays(1)) {
			assertThat(this.days.isWorkingDay(day)).as(day.toString()).isFalse();
			assertThat(this.days.holidayName(day)).as(day.toString()).contains("Tết Nguyên đán");
		}
		assertThat(this.days.isWorkingDay(LocalDate.of(2024, 2, 7))).isTrue();
		assertThat(this.days.isWorkingDay(LocalDate.of(2024, 2, 15))).isTrue();
	}

	@Test
	void nationalDayHasTwoDaysOffSince2021() {
		assertThat(this.days.isHoliday(LocalDate.of(2024, 9, 2))).isTrue();
		assertThat(this.days.isHoliday(LocalDate.of(2024, 9, 3))).isTrue();
		assertThat(this.days.isWorkingDay(LocalDate.of(2024, 9, 4))).isTrue();
		// Labour Code 2012: one day only.
		assertThat(this.days.isHoliday(LocalDate.of(2020, 9, 2))).isTrue();
		assertThat(this.days.isWorkingDay(LocalDate.of(2020, 9, 3))).isTrue();
	}

	@Test
	void aHolidayOnAWeekendIsMadeUpOnTheNextWorkingDay() {
		// 1/1/2023 was a Sunday, 2/9/2023 a Saturday.
		assertThat(this.days.holidayName(LocalDate.of(2023, 1, 2))).contains("Nghỉ bù Tết Dương lịch");
		assertThat(this.days.isWorkingDay(LocalDate.of(2023, 9, 4))).isFalse();
		assertThat(this.days.isWorkingDay(LocalDate.of(2023, 9, 5))).isTrue();
	}

	@Test
	void aSwappedWeekdayIsOffAndItsMakeUpSaturdayIsWorked() {
		assertThat(this.days.isWorkingDay(LocalDate.of(2024, 4, 29))).isFalse();
		assertThat(this.days.isWorkingDay(LocalDate.of(2024, 5, 4))).isTrue();
		assertThat(this.days.isHoliday(LocalDate.of(2024, 5, 4))).isFalse();
		assertThat(this.days.isWorkingDay(LocalDate.of(2024, 5, 11))).isFalse();
	}

	@Test
	void everyYearFrom2019To2027HasItsStatutoryHolidays() {
		Map<Integer, LocalDate> lunarNewYear = Map.of(2019, LocalDate.of(2019, 2, 5), 2020, LocalDate.of(2020, 1, 25),
				2021, LocalDate.of(2021, 2, 12), 2022, LocalDate.of(2022, 2, 1), 2023, LocalDate.of(2023, 1, 22), 2024,
				LocalDate.of(2024, 2, 10), 2025, LocalDate.of(2025, 1, 29), 2026, LocalDate.of(2026, 2, 17), 2027,
				LocalDate.of(2027, 2, 6));
		Map<Integer, LocalDate> hungKings = Map.of(2019, LocalDate.of(2019, 4, 14), 2020, LocalDate.of(2020, 4, 2),
				2021, LocalDate.of(2021, 4, 21), 2022, LocalDate.of(2022, 4, 10), 2023, LocalDate.of(2023, 4, 29), 2024,
				LocalDate.of(2024, 4, 18), 2025, LocalDate.of(2025, 4, 7), 2026, LocalDate.of(2026, 4, 26), 2027,
				LocalDate.of(2027, 4, 16));
		for (int year = 2019; year <= 2027; year++) {
			assertThat(this.days.holidayName(LocalDate.of(year, 1, 1))).as("1/1/%d", year).contains("Tết Dương lịch");
			assertThat(this.days.holidayName(lunarNewYear.get(year))).as("Tết %d", year).contains("Tết Nguyên đán");
			assertThat(this.days.holidayName(hungKings.get(year))).as("Giỗ Tổ %d", year).contains("Giỗ Tổ Hùng Vương");
			assertThat(this.days.isHoliday(LocalDate.of(year, 4, 30))).as("30/4/%d", year).isTrue();
			assertThat(this.days.isHoliday(LocalDate.of(year, 5, 1))).as("1/5/%d", year).isTrue();
			assertThat(this.days.holidayName(LocalDate.of(year, 9, 2))).as("2/9/%d", year).contains("Quốc khánh");
			int year0 = year;
			long tetWeekdaysOff = LocalDate.of(year, 1, 1)
				.datesUntil(LocalDate.of(year, 3, 1))
				.filter((day) -> this.days.holidayName(day).equals(Optional.of("Tết Nguyên đán")))
				.filter((day) -> day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue())
				.count();
			assertThat(tetWeekdaysOff).as("weekdays off for Tết %d", year0).isEqualTo(5);
			long nationalDay = LocalDate.of(year, 8, 25)
				.datesUntil(LocalDate.of(year, 9, 10))
				.filter((day) -> this.days.holidayName(day).equals(Optional.of("Quốc khánh")))
				.count();
			assertThat(nationalDay).as("days of Quốc khánh %d", year0).isEqualTo((year < 2021) ? 1 : 2);
		}
	}

	@Test
	void countsWorkingDaysAcrossTet() {
		assertThat(this.days.nextWorkingDay(LocalDate.of(2024, 2, 7))).isEqualTo(LocalDate.of(2024, 2, 15));
		assertThat(this.days.previousWorkingDay(LocalDate.of(2024, 2, 12))).isEqualTo(LocalDate.of(2024, 2, 7));
		assertThat(this.days.previousWorkingDay(LocalDate.of(2024, 2, 7))).isEqualTo(LocalDate.of(2024, 2, 7));
		assertThat(this.days.minusWorkingDays(LocalDate.of(2024, 2, 15), 1)).isEqualTo(LocalDate.of(2024, 2, 7));
		assertThat(this.days.minusWorkingDays(LocalDate.of(2024, 2, 16), 3)).isEqualTo(LocalDate.of(2024, 2, 6));
		assertThat(this.days.plusWorkingDays(LocalDate.of(2024, 2, 7), 2)).isEqualTo(LocalDate.of(2024, 2, 16));
		assertThat(this.days.plusWorkingDays(LocalDate.of(2024, 2, 10), 0)).isEqualTo(LocalDate.of(2024, 2, 10));
	}

	@Test
	void configuredDaysComeOnTopOfTheShippedLists() {
		WorkingCalendar configured = WorkingCalendar.vietnam(List.of(LocalDate.of(2026, 1, 2)),
				List.of(LocalDate.of(2026, 1, 10)));

		assertThat(configured.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
		assertThat(configured.holidayName(LocalDate.of(2026, 1, 2))).contains(WorkingCalendar.CONFIGURED_HOLIDAY);
		assertThat(configured.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
		assertThat(this.days.isWorkingDay(LocalDate.of(2026, 1, 2))).isTrue();
	}

	@Test
	void outsideTheShippedYearsOnlyWeekendsAreOff() {
		assertThat(this.days.isWorkingDay(LocalDate.of(2030, 1, 1))).isTrue();
		assertThat(this.days.isWorkingDay(LocalDate.of(2030, 1, 5))).isFalse();
	}

	@Test
	void rejectsANegativeNumberOfWorkingDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.days.plusWorkingDays(LocalDate.of(2024, 1, 2), -1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.days.minusWorkingDays(LocalDate.of(2024, 1, 2), -1));
	}

}
