package vn.gov.cchc.report.period;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Period ids, what is reported, and windows as values.
 */
class PeriodTests {

	@ParameterizedTest
	@CsvSource({ "2022-M05, MONTH, 5", "2022-M12, MONTH, 12", "2022-Q2, QUARTER, 2", "2022-H1, HALF_YEAR, 1",
			"2022-H2, HALF_YEAR, 2", "2022-9M, NINE_MONTHS, 1", "2022-9M2, NINE_MONTHS, 2", "2022-Y, YEAR, 1" })
	void readsAndWritesPeriodIds(String id, PeriodType type, int number) {
		Period.Key key = Period.parse(id);

		assertThat(key).isEqualTo(new Period.Key(type, 2022, number));
		assertThat(key.id()).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2022", "2022-M5", "2022-M00", "2022-M13", "2022-Q0", "2022-Q5", "2022-H3", "2022-9M1",
			"2022-9M3", "2022-Y1", "22-Y", "2022-y", " 2022-Y", "2022-Y ", "2022-W01", "2022_Q1" })
	void rejectsWhatIsNotAPeriodId(String id) {
		assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(id))
			.withMessageContaining("Not a period id");
	}

	@Test
	void reportsOnEveryMonthQuarterAndYearButOnlyTheFirstHalfAndTheNineMonths() {
		assertThat(Period.parse("2022-M01").reported()).isTrue();
		assertThat(Period.parse("2022-Q4").reported()).isTrue();
		assertThat(Period.parse("2022-Y").reported()).isTrue();
		assertThat(Period.parse("2022-H1").reported()).isTrue();
		assertThat(Period.parse("2022-9M").reported()).isTrue();
		assertThat(Period.parse("2022-H2").reported()).isFalse();
		assertThat(Period.parse("2022-9M2").reported()).isFalse();
	}

	@Test
	void containsItsFirstAndLastDay() {
		Period q1 = new Period(PeriodType.QUARTER, 2024, 1, LocalDate.of(2023, 12, 15), LocalDate.of(2024, 3, 14));

		assertThat(q1.contains(LocalDate.of(2023, 12, 15))).isTrue();
		assertThat(q1.contains(LocalDate.of(2024, 3, 14))).isTrue();
		assertThat(q1.contains(LocalDate.of(2023, 12, 14))).isFalse();
		assertThat(q1.contains(LocalDate.of(2024, 3, 15))).isFalse();
		assertThat(q1.id()).isEqualTo("2024-Q1");
	}

	@Test
	void rejectsAWindowThatEndsBeforeItStartsAndANumberOutOfRange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Period(PeriodType.YEAR, 2024, 1, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Period.Key(PeriodType.QUARTER, 2024, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> new Period.Key(PeriodType.YEAR, 2024, 2));
	}

	@Test
	void theNextAndPreviousPeriodCrossYears() {
		assertThat(Period.parse("2022-M12").next()).isEqualTo(Period.parse("2023-M01"));
		assertThat(Period.parse("2023-Q1").previous()).isEqualTo(Period.parse("2022-Q4"));
		assertThat(Period.parse("2022-Y").next()).isEqualTo(Period.parse("2023-Y"));
		assertThat(Period.parse("2022-9M").next()).isEqualTo(Period.parse("2022-9M2"));
	}

}
