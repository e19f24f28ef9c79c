package vn.gov.cchc.report.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.indicator.IndexValue.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ninh Thuận's index targets for 2023, evaluated for the provincial office that issued
 * the plan against the values a reviewer recorded for the province: PAR INDEX ranked 36th
 * in 2022 and 30th in 2023, PAPI 22nd, PCI 70.1 points in the "Tốt" group, SIPAS 87.0% in
 * 2022 and 88.5% (15th) in 2023; nothing yet for DTI, DDCI and digital government.
 */
class IndexTargetsTests {

	private static final Instant AT = Instant.parse("2024-04-10T03:00:00Z");

	private final PlanDetails plan = TargetFixtures.plan(TargetFixtures.NINH_THUAN);

	private final Period year = TargetFixtures.calendar(this.plan).find("2023-Y").orElseThrow();

	private TargetFixtures.Store store;

	private List<TargetResult> results;

	@BeforeEach
	void recordAndEvaluate() {
		this.store = TargetFixtures.Store.fresh("targets-index");
		record("PAR_INDEX", 2022, null, null, 36);
		record("PAR_INDEX", 2023, "85.1", null, 30);
		record("PAPI", 2023, null, null, 22);
		record("PCI", 2023, "70.1", "Tốt", null);
		record("SIPAS", 2022, "87.0", null, null);
		record("SIPAS", 2023, "88.5", null, 15);
		this.results = this.store.evaluator(TargetFixtures.on(LocalDate.of(2024, 5, 1)))
			.evaluate(this.plan, "58-VPUBND", this.year);
	}

	@AfterEach
	void dropStore() {
		this.store.database().drop();
	}

	@Test
	void everyTargetOfTheIssuerIsEvaluated() {
		assertThat(this.results).extracting(TargetResult::targetId)
			.containsExactly("CT01", "CT02", "CT03", "CT04", "CT05", "CT06", "CT07", "CT08", "CT09", "CT10", "CT11",
					"CT12", "CT13", "CT14");
	}

	@Test
	void aRankIsMetAtOrBelowTheThresholdAndItsGapCountsPlacesToSpare() {
		assertThat(result("CT01").actual()).isEqualByComparingTo("30");
		assertThat(result("CT01").met()).isTrue();
		assertThat(result("CT01").gap()).isEqualByComparingTo("0");
		assertThat(result("CT01").detail()).isEqualTo("PAR INDEX 2023: hạng 30, yêu cầu ≤ 30");
		assertThat(result("CT03").met()).isFalse();
		assertThat(result("CT03").gap()).isEqualByComparingTo("-2");
		assertThat(result("CT08").met()).isTrue();
		assertThat(result("CT08").gap()).isEqualByComparingTo("5");
	}

	@Test
	void increasesCompareWithThePreviousYear() {
		TargetResult places = result("CT02");
		assertThat(places.actual()).isEqualByComparingTo("6");
		assertThat(places.met()).isTrue();
		assertThat(places.gap()).isEqualByComparingTo("1");
		assertThat(places.detail()).isEqualTo("PAR INDEX 2023: tăng 6 bậc (hạng 36 → 30), yêu cầu ≥ 5");
		TargetResult sipas = result("CT06");
		assertThat(sipas.actual()).isEqualByComparingTo("1.5");
		assertThat(sipas.met()).isTrue();
		assertThat(sipas.gap()).isEqualByComparingTo("0.5");
	}

	@Test
	void aScoreIsAboutTheThresholdWithinFivePercentAndAPercentMustReachIt() {
		TargetResult pci = result("CT04");
		assertThat(pci.actual()).isEqualByComparingTo("70.1");
		assertThat(pci.met()).isTrue();
		assertThat(pci.gap()).isEqualByComparingTo("1.2");
		assertThat(pci.detail()).isEqualTo("PCI 2023: 70,1, yêu cầu khoảng 68,9");
		TargetResult sipas = result("CT07");
		assertThat(sipas.met()).isFalse();
		assertThat(sipas.gap()).isEqualByComparingTo("-1.14");
	}

	@Test
	void aBetterLevelThanAskedMeetsALevelTarget() {
		TargetResult level = result("CT05");
		assertThat(level.actualLevel()).isEqualTo("Tốt");
		assertThat(level.level()).isEqualTo("Khá");
		assertThat(level.met()).isTrue();
		assertThat(level.gap()).isEqualByComparingTo("1");
	}

	@Test
	void withoutAPublishedValueTheResultIsUnknown() {
		for (String targetId : List.of("CT09", "CT10", "CT11", "CT12", "CT13")) {
			assertThat(result(targetId).met()).as(targetId).isNull();
			assertThat(result(targetId).detail()).as(targetId).isEqualTo("Chưa có kết quả công bố");
		}
		assertThat(result("CT14").met()).isNull();
		assertThat(result("CT14").detail()).isEqualTo("Chỉ tiêu tỷ lệ không gắn với số liệu báo cáo nào");
	}

	@Test
	void aNewRecordingReplacesTheValueAndKeepsTheAudit() {
		record("PAPI", 2023, null, null, 19);

		IndexValue papi = this.store.indexes().find("58", "PAPI", 2023).orElseThrow();
		assertThat(papi.rank()).isEqualTo(19);
		assertThat(papi.audit()).extracting(Recording::rank).containsExactly(22, 19);
		assertThat(this.store.evaluator(TargetFixtures.on(LocalDate.of(2024, 5, 1)))
			.evaluate(this.plan, "58-VPUBND", this.year)
			.get(2)
			.met()).isTrue();
	}

	private void record(String index, int year, String value, String level, Integer rank) {
		this.store.indexes()
			.record("58", index, year, new Recording((value != null) ? new BigDecimal(value) : null, level, rank,
					LocalDate.of(year + 1, 4, 1), "Quyết định công bố chỉ số " + index, "reviewer@snv", AT));
	}

	private TargetResult result(String targetId) {
		return this.results.stream().filter((result) -> result.targetId().equals(targetId)).findFirst().orElseThrow();
	}

}
