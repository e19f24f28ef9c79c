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
 * Bình Sơn's coverage targets over 2022 (15/12/2021 to 14/12/2022): its five communes
 * each have a radio station and a cultural post office; the district and the five
 * communes each have a portal. Four communes ran their reform column (HD11) in the year,
 * Bình Châu only before the window opened.
 */
class CoverageTargetsTests {

	private static final List<String> ACTIVE_COMMUNES = List.of("21040", "21043", "21061", "21088");

	private static final LocalDate AFTER_THE_YEAR = LocalDate.of(2023, 6, 1);

	private final PlanDetails plan = TargetFixtures.plan(TargetFixtures.BINH_SON);

	private final Period year = TargetFixtures.calendar(this.plan).find("2022-Y").orElseThrow();

	private TargetFixtures.Store store;

	private TargetEvaluator evaluator;

	@BeforeEach
	void storeWithFacts() {
		this.store = TargetFixtures.Store.fresh("targets-coverage");
		this.evaluator = this.store.evaluator(TargetFixtures.on(AFTER_THE_YEAR));
		for (String commune : ACTIVE_COMMUNES) {
			this.store.fact(commune, TargetFixtures.BINH_SON, "HD11", LocalDate.of(2022, 3, 10),
					Map.of("broadcasts", 3L));
		}
		this.store.fact("21112", TargetFixtures.BINH_SON, "HD11", LocalDate.of(2021, 12, 10), Map.of("broadcasts", 1L));
		// Rolls up to the district, which still has no post of its own.
		this.store.fact("524-PVHTT", TargetFixtures.BINH_SON, "HD03", LocalDate.of(2022, 4, 1), Map.of("posts", 5L));
	}

	@AfterEach
	void dropStore() {
		this.store.database().drop();
	}

	@Test
	void theYearIsDecree09s() {
		assertThat(this.year.start()).isEqualTo(LocalDate.of(2021, 12, 15));
		assertThat(this.year.end()).isEqualTo(LocalDate.of(2022, 12, 14));
	}

	@Test
	void theDistrictCountsTheCommunesOfEachGroupThatReported() {
		List<TargetResult> results = this.evaluator.evaluate(this.plan, "524", this.year);

		assertThat(results).extracting(TargetResult::targetId).containsExactly("CT01", "CT02", "CT03");
		TargetResult radio = results.get(1);
		assertThat(radio.numerator()).isEqualTo(4);
		assertThat(radio.denominator()).isEqualTo(5);
		assertThat(radio.actual()).isEqualByComparingTo("80");
		assertThat(radio.met()).isFalse();
		assertThat(radio.gap()).isEqualByComparingTo("-20");
		assertThat(radio.detail()).isEqualTo("4/5 đài truyền thanh xã có kết quả HD11");
		TargetResult postOffices = results.get(2);
		assertThat(postOffices.actual()).isEqualByComparingTo("80");
		assertThat(postOffices.threshold()).isEqualByComparingTo("90");
		assertThat(postOffices.gap()).isEqualByComparingTo("-10");
		assertThat(postOffices.detail()).isEqualTo("4/5 điểm bưu điện văn hóa xã có kết quả HD11");
	}

	@Test
	void aGroupWithoutActivityCountsAnyOwnFactAndAnOfficesFactIsNotTheDistrictsOwn() {
		TargetResult portals = this.evaluator.evaluate(this.plan, "524", this.year).get(0);

		// The district and its five communes have portals; four communes reported.
		assertThat(portals.numerator()).isEqualTo(4);
		assertThat(portals.denominator()).isEqualTo(6);
		assertThat(portals.actual()).isEqualByComparingTo("66.67");
		assertThat(portals.detail()).isEqualTo("4/6 cổng/trang thông tin điện tử có kết quả báo cáo");

		this.store.fact("524", TargetFixtures.BINH_SON, "HD02", LocalDate.of(2022, 5, 1), Map.of("postings", 2L));

		TargetResult withItsOwn = this.evaluator.evaluate(this.plan, "524", this.year).get(0);
		assertThat(withItsOwn.numerator()).isEqualTo(5);
		assertThat(withItsOwn.actual()).isEqualByComparingTo("83.33");
	}

	@Test
	void aCommuneIsItsOwnDenominator() {
		List<TargetResult> active = this.evaluator.evaluate(this.plan, "21040", this.year);
		List<TargetResult> late = this.evaluator.evaluate(this.plan, "21112", this.year);

		assertThat(active).extracting(TargetResult::targetId).containsExactly("CT02", "CT03");
		assertThat(active.get(0).numerator()).isEqualTo(1);
		assertThat(active.get(0).denominator()).isEqualTo(1);
		assertThat(active.get(0).met()).isTrue();
		assertThat(active.get(0).gap()).isEqualByComparingTo("0");
		assertThat(late.get(0).numerator()).isZero();
		assertThat(late.get(0).met()).isFalse();
		assertThat(late.get(0).gap()).isEqualByComparingTo("-100");
	}

	@Test
	void theProvinceSeesTheDistrictPlanOverTheDistrictAndAnotherProvinceNothing() {
		List<TargetResult> quangNgai = this.evaluator.evaluate(this.plan, "51", this.year);
		List<TargetResult> bacNinh = this.evaluator.evaluate(this.plan, "27", this.year);

		assertThat(quangNgai).extracting(TargetResult::numerator).containsExactly(4L, 4L, 4L);
		assertThat(quangNgai).extracting(TargetResult::denominator).containsExactly(6L, 5L, 5L);
		assertThat(bacNinh).isEmpty();
	}

}
