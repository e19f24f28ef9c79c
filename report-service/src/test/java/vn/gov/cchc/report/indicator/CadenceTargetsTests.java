package vn.gov.cchc.report.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bắc Ninh's radio and newspaper targets over the first half of 2022 (15/11/2021 to
 * 07/06/2022): a weekly broadcast of at least 15 minutes, 8 broadcasts in all, two
 * newspaper columns a month. The half starts on Monday 15/11/2021, so it holds 29 whole
 * ISO weeks up to Sunday 05/06/2022 and a 2-day stub (6–7 June) that is left out; its
 * months are November 2021 (16 of 30 days inside, checked) to May 2022, 7 in all, June's
 * 7 days being a stub.
 */
class CadenceTargetsTests {

	private static final LocalDate FIRST_WEDNESDAY = LocalDate.of(2021, 11, 17);

	private static final LocalDate AFTER_THE_YEAR = LocalDate.of(2023, 1, 1);

	private final PlanDetails plan = TargetFixtures.plan(TargetFixtures.BAC_NINH);

	private final Period h1 = TargetFixtures.calendar(this.plan).find("2022-H1").orElseThrow();

	private TargetFixtures.Store store;

	@BeforeEach
	void freshStore() {
		this.store = TargetFixtures.Store.fresh("targets-cadence");
	}

	@AfterEach
	void dropStore() {
		this.store.database().drop();
	}

	@Test
	void theHalfYearIsTheWindowTheWeeksAreCountedIn() {
		assertThat(this.h1.start()).isEqualTo(LocalDate.of(2021, 11, 15));
		assertThat(this.h1.end()).isEqualTo(LocalDate.of(2022, 6, 7));
		assertThat(Rhythm.WEEK.stretches(this.h1.start(), this.h1.end())).hasSize(29);
		assertThat(Rhythm.MONTH.stretches(this.h1.start(), this.h1.end())).hasSize(7);
	}

	@Test
	void theRadioMeetsTheWeeksWithABroadcastOfFifteenMinutesAndMissesTheOthers() {
		broadcastWeekly(29, List.of(3, 10), 5);

		List<TargetResult> results = this.store.evaluator(TargetFixtures.on(AFTER_THE_YEAR))
			.evaluate(this.plan, "27", this.h1);

		assertThat(results).extracting(TargetResult::targetId).containsExactly("CT01", "CT02", "CT03", "CT04");
		// 29 weeks, none in weeks 3 and 10, only 10 minutes in week 5: 26 met.
		TargetResult weekly = results.get(0);
		assertThat(weekly.numerator()).isEqualTo(26);
		assertThat(weekly.denominator()).isEqualTo(29);
		assertThat(weekly.actual()).isEqualByComparingTo("89.66");
		assertThat(weekly.met()).isFalse();
		assertThat(weekly.gap()).isEqualByComparingTo("-10.34");
		assertThat(weekly.detail()).isEqualTo("Đạt 26/29 tuần (mỗi tuần ≥ 1 lần, mỗi lần ≥ 15 phút)");
		TargetResult minutes = results.get(1);
		assertThat(minutes.numerator()).isEqualTo(26);
		assertThat(minutes.denominator()).isEqualTo(29);
		assertThat(minutes.met()).isFalse();
	}

	@Test
	void everyWeekMetMeetsTheCadence() {
		broadcastWeekly(29, List.of(), -1);

		TargetResult weekly = this.store.evaluator(TargetFixtures.on(AFTER_THE_YEAR))
			.evaluate(this.plan, "27", this.h1)
			.get(0);

		assertThat(weekly.met()).isTrue();
		assertThat(weekly.actual()).isEqualByComparingTo("100");
		assertThat(weekly.gap()).isEqualByComparingTo("0");
		assertThat(weekly.detail()).startsWith("Đạt 29/29 tuần");
	}

	@Test
	void theQuantityIsTheSumOfTheMetricOverThePeriod() {
		broadcastWeekly(29, List.of(3, 10), 5);

		TargetResult quantity = this.store.evaluator(TargetFixtures.on(AFTER_THE_YEAR))
			.evaluate(this.plan, "27", this.h1)
			.get(2);

		// 27 broadcasts (29 weeks less the 2 without), at least 8 asked.
		assertThat(quantity.actual()).isEqualByComparingTo("27");
		assertThat(quantity.threshold()).isEqualByComparingTo("8");
		assertThat(quantity.met()).isTrue();
		assertThat(quantity.gap()).isEqualByComparingTo("19");
		assertThat(quantity.detail()).isEqualTo("Tỉnh Bắc Ninh: 27 lần phát sóng (HD05), yêu cầu ≥ 8");
	}

	@Test
	void twoColumnsAMonthAreCountedPerCalendarMonthWithoutTheStubs() {
		LocalDate[] days = { LocalDate.of(2021, 11, 20), LocalDate.of(2021, 12, 10), LocalDate.of(2022, 1, 10),
				LocalDate.of(2022, 2, 10), LocalDate.of(2022, 3, 10), LocalDate.of(2022, 4, 10),
				LocalDate.of(2022, 5, 10) };
		for (LocalDate day : days) {
			long columns = (day.getMonthValue() == 2) ? 1 : 2;
			this.store.fact("27-BAO", TargetFixtures.BAC_NINH, "HD06", day, Map.of("columns", columns));
		}
		// In the June stub: not a month of the half.
		this.store.fact("27-BAO", TargetFixtures.BAC_NINH, "HD06", LocalDate.of(2022, 6, 3), Map.of("columns", 2L));

		TargetResult monthly = this.store.evaluator(TargetFixtures.on(AFTER_THE_YEAR))
			.evaluate(this.plan, "27", this.h1)
			.get(3);

		assertThat(monthly.targetId()).isEqualTo("CT04");
		assertThat(monthly.numerator()).isEqualTo(6);
		assertThat(monthly.denominator()).isEqualTo(7);
		assertThat(monthly.actual()).isEqualByComparingTo("85.71");
		assertThat(monthly.met()).isFalse();
		assertThat(monthly.detail()).isEqualTo("Đạt 6/7 tháng (mỗi tháng ≥ 2 lần)");
	}

	@Test
	void theUnitInChargeOfTheActivitySeesItsTargetsOnItsOwnFiguresAndACommuneSeesNone() {
		broadcastWeekly(29, List.of(3, 10), 5);
		TargetEvaluator evaluator = this.store.evaluator(TargetFixtures.on(AFTER_THE_YEAR));

		List<TargetResult> radio = evaluator.evaluate(this.plan, "27-DPTTH", this.h1);
		List<TargetResult> commune = evaluator.evaluate(this.plan, "09190", this.h1);

		assertThat(radio).extracting(TargetResult::targetId).containsExactly("CT01", "CT02", "CT03");
		assertThat(radio.get(0).numerator()).isEqualTo(26);
		assertThat(radio.get(2).detail()).startsWith("Đài Phát thanh và Truyền hình tỉnh Bắc Ninh: 27 lần phát sóng");
		assertThat(commune).isEmpty();
	}

	@Test
	void whileThePeriodRunsOnlyTheWeeksThatAreOverCountAndAQuantityNotYetReachedIsUnknown() {
		broadcastWeekly(2, List.of(), -1);

		// Wednesday 1 December 2021: two weeks are over, the third has just begun.
		List<TargetResult> results = this.store.evaluator(TargetFixtures.on(LocalDate.of(2021, 12, 1)))
			.evaluate(this.plan, "27", this.h1);

		assertThat(results.get(0).numerator()).isEqualTo(2);
		assertThat(results.get(0).denominator()).isEqualTo(2);
		assertThat(results.get(0).met()).isTrue();
		assertThat(results.get(2).actual()).isEqualByComparingTo("2");
		assertThat(results.get(2).met()).isNull();
		assertThat(results.get(2).detail()).endsWith("(kỳ chưa kết thúc)");
	}

	@Test
	void beforeThePeriodStartsNothingIsKnown() {
		List<TargetResult> results = this.store.evaluator(TargetFixtures.on(LocalDate.of(2021, 11, 1)))
			.evaluate(this.plan, "27", this.h1);

		assertThat(results).hasSize(4).allSatisfy((result) -> {
			assertThat(result.met()).isNull();
			assertThat(result.actual()).isNull();
			assertThat(result.detail()).isEqualTo("Kỳ 2022-H1 chưa bắt đầu");
		});
	}

	/**
	 * One broadcast on the Wednesday of each of the first {@code weeks} weeks, 20 minutes
	 * long, except the weeks skipped and one week of 10 minutes.
	 */
	private void broadcastWeekly(int weeks, List<Integer> skipped, int shortWeek) {
		for (int week = 0; week < weeks; week++) {
			if (skipped.contains(week)) {
				continue;
			}
			long minutes = (week == shortWeek) ? 10 : 20;
			this.store.fact("27-DPTTH", TargetFixtures.BAC_NINH, "HD05", FIRST_WEDNESDAY.plusWeeks(week),
					Map.of("broadcasts", 1L, "minutes", minutes));
		}
	}

}
