package vn.gov.cchc.report.dashboard;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.figures.FiguresFixtures;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.period.PeriodsProperties;
import vn.gov.cchc.report.period.WorkingCalendar;
import vn.gov.cchc.report.submission.ReportingRates;
import vn.gov.cchc.report.submission.Submissions;
import vn.gov.cchc.report.indicator.Indexes;
import vn.gov.cchc.report.indicator.TargetEvaluator;
import vn.gov.cchc.report.unit.Units;
import vn.gov.cchc.testing.MongoTestStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's assembly over the demo tree: children come from the tree of the
 * period's end, series have every bucket, an activity lists its metrics even when nothing
 * was reported.
 */
class DashboardTests {

	private static final Path DEMO = Path.of("../deploy/local/demo");

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final PlanDetails plan = plan();

	private MongoDatabase database;

	private Units units;

	private Figures figures;

	private Dashboard dashboard;

	private final AtomicLong offsets = new AtomicLong();

	@BeforeEach
	void demoTree() {
		this.database = MongoTestStore.freshDatabase("dashboard");
		this.units = new Units(this.database);
		for (UnitDetails unit : JSON.readValue(DEMO.resolve("units.json").toFile(), UnitDetails[].class)) {
			this.units.record(unit, Instant.parse("2021-01-01T00:00:00Z"));
		}
		this.figures = new Figures(this.database);
		Periods periods = new Periods(WorkingCalendar.vietnam(List.of(), List.of()), PeriodsProperties.defaults());
		this.dashboard = new Dashboard(this.units, this.figures,
				new TargetEvaluator(this.units, this.figures, new Indexes(this.database), Clock.systemUTC()),
				new ReportingRates(this.units, periods, new Submissions(this.database), Clock.systemUTC()));
	}

	@AfterEach
	void dropStore() {
		this.database.drop();
	}

	@Test
	void theChildrenAreThoseOfThePeriodsTree() {
		UnitDetails province = this.units.find("27").orElseThrow();
		Period half2022 = new Period(PeriodType.HALF_YEAR, 2022, 1, LocalDate.of(2021, 11, 15),
				LocalDate.of(2022, 6, 7));
		Period year2025 = new Period(PeriodType.YEAR, 2025, 1, LocalDate.of(2024, 12, 15), LocalDate.of(2025, 12, 14));

		List<Dashboard.ChildFigures> then = this.dashboard.children(province, this.plan, half2022).children();
		List<Dashboard.ChildFigures> now = this.dashboard.children(province, this.plan, year2025).children();

		assertThat(then).extracting(Dashboard.ChildFigures::unitCode)
			.contains("256", "264", "27-SNV")
			.doesNotContain("33001", "09202");
		assertThat(now).extracting(Dashboard.ChildFigures::kind).doesNotContain(UnitKind.DISTRICT);
		assertThat(now).extracting(Dashboard.ChildFigures::unitCode).contains("33001", "09202", "27-SNV");
	}

	@Test
	void aCommuneThatMovedCountsUnderTheParentOfItsFactsDate() {
		// Tam Giang was under Yên Phong until 30/6/2025, then directly under the
		// province.
		fact("09202", "HD07", LocalDate.of(2022, 3, 1), Map.of("broadcasts", 1L));
		UnitDetails province = this.units.find("27").orElseThrow();
		Period half2022 = new Period(PeriodType.HALF_YEAR, 2022, 1, LocalDate.of(2021, 11, 15),
				LocalDate.of(2022, 6, 7));

		Dashboard.Overview overview = this.dashboard.overview(province, this.plan, half2022);

		assertThat(overview.total().events()).isEqualTo(1);
		assertThat(overview.children()).filteredOn((child) -> child.unitCode().equals("258"))
			.singleElement()
			.satisfies((yenPhong) -> assertThat(yenPhong.total().events()).isEqualTo(1));
		assertThat(overview.activities()).hasSize(8);
		assertThat(overview.targets().results()).hasSize(4);
		assertThat(overview.targets().met() + overview.targets().notMet() + overview.targets().unknown()).isEqualTo(4);
		// Who owes the 6-month report on 7/6/2022: the 47 units under the province then
		// (32
		// communes, 8 districts, 3 departments besides Sở Nội vụ, which receives, 3
		// agencies,
		// the office); no round was opened here, so none has reported and all are
		// overdue.
		assertThat(overview.reporting()).isNotNull().satisfies((reporting) -> {
			assertThat(reporting.total().expected()).isEqualTo(47);
			assertThat(reporting.total().actual()).isZero();
			assertThat(reporting.lateOrOverdue()).hasSize(47);
		});
	}

	@Test
	void aWeeklySeriesAcrossNewYearUsesTheWeekBasedYearAndKeepsEmptyWeeks() {
		fact("09190", "HD07", LocalDate.of(2022, 1, 1), Map.of("broadcasts", 2L));
		fact("09190", "HD08", LocalDate.of(2022, 1, 4), Map.of("copies", 50L));
		UnitDetails district = this.units.find("256").orElseThrow();

		Dashboard.Series all = this.dashboard.series(district, this.plan, LocalDate.of(2021, 12, 20),
				LocalDate.of(2022, 1, 16), SeriesBy.WEEK, null);
		Dashboard.Series radio = this.dashboard.series(district, this.plan, LocalDate.of(2021, 12, 20),
				LocalDate.of(2022, 1, 16), SeriesBy.WEEK, "HD07");

		// Saturday 1 January 2022 is in ISO week 52 of 2021.
		assertThat(all.buckets()).extracting(Dashboard.SeriesPoint::label)
			.containsExactly("2021-W51", "2021-W52", "2022-W01", "2022-W02");
		assertThat(all.buckets()).extracting((point) -> point.figures().events()).containsExactly(0L, 1L, 1L, 0L);
		assertThat(radio.buckets()).extracting((point) -> point.figures().quantity("broadcasts"))
			.containsExactly(0L, 2L, 0L, 0L);
		assertThat(all.buckets().get(1).firstDay()).isEqualTo(LocalDate.of(2021, 12, 27));
	}

	@Test
	void aMonthlySeriesCountsOnlyTheAskedDaysOfItsFirstAndLastMonth() {
		fact("09190", "HD07", LocalDate.of(2022, 3, 2), Map.of("broadcasts", 1L));
		fact("09190", "HD07", LocalDate.of(2022, 3, 20), Map.of("broadcasts", 1L));
		fact("09190", "HD07", LocalDate.of(2022, 5, 30), Map.of("broadcasts", 1L));

		Dashboard.Series series = this.dashboard.series(this.units.find("09190").orElseThrow(), this.plan,
				LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 14), SeriesBy.MONTH, null);

		assertThat(series.buckets()).extracting(Dashboard.SeriesPoint::label)
			.containsExactly("2022-03", "2022-04", "2022-05");
		assertThat(series.buckets()).extracting((point) -> point.figures().events()).containsExactly(1L, 0L, 0L);
	}

	@Test
	void anActivityListsItsMetricsWithZerosAndEachChild() {
		fact("09190", "HD08", LocalDate.of(2022, 2, 1), Map.of("copies", 120L, "participants", 40L));
		PlanDetails.Activity leaflets = this.plan.activities().get(7);
		Period half2022 = new Period(PeriodType.HALF_YEAR, 2022, 1, LocalDate.of(2021, 11, 15),
				LocalDate.of(2022, 6, 7));

		Dashboard.ActivityView view = this.dashboard.activity(this.units.find("256").orElseThrow(), this.plan, leaflets,
				half2022);

		assertThat(view.byMetric()).containsExactly(Map.entry("copies", 120L), Map.entry("events", 0L),
				Map.entry("participants", 40L));
		assertThat(view.children()).extracting(Dashboard.ChildActivity::unitCode).startsWith("09169", "09175");
		assertThat(view.children()).filteredOn((child) -> child.unitCode().equals("09190"))
			.singleElement()
			.satisfies((vuNinh) -> assertThat(vuNinh.figures().quantity("copies")).isEqualTo(120));
	}

	private void fact(String unitCode, String activityId, LocalDate date, Map<String, Long> quantities) {
		FiguresFixtures.fact(this.figures, this.units, this.offsets, unitCode, this.plan.planId(), activityId, date,
				quantities);
	}

	private static PlanDetails plan() {
		ObjectNode body = (ObjectNode) JSON.readTree(DEMO.resolve("plans/27-2022-22-KH-UBND.json").toFile());
		body.put("version", 1);
		body.put("status", PlanStatus.ISSUED.name());
		return JSON.treeToValue(body, PlanDetails.class);
	}

}
