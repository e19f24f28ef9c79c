package vn.gov.cchc.report.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.ReportingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * DHIS2's measures counted from obligations and submissions: actual and on time only
 * among the expected, so no rate passes 100%, and percentages are truncated.
 */
class ReportingRateTests {

	private static final PlanDetails PLAN = SubmissionFixtures.plan2022();

	private static final ReportingCalendar CALENDAR = SubmissionFixtures.periods().calendar(PLAN.reporting());

	private static final Period H1 = CALENDAR.find("2022-H1").orElseThrow();

	private static final List<Obligation> OWED = Obligations.owed(PLAN, H1, DatedUnitTree.of(SubmissionFixtures.TREE),
			CALENDAR);

	@Test
	void percentagesHaveOneDecimalTruncatedAndNoneWhenNothingIsExpected() {
		assertThat(ReportingRate.percent(2, 3)).isEqualByComparingTo("66.6");
		assertThat(ReportingRate.percent(1, 3)).isEqualByComparingTo("33.3");
		assertThat(ReportingRate.percent(1999, 2000)).isEqualByComparingTo("99.9");
		assertThat(ReportingRate.percent(3, 3)).isEqualByComparingTo("100.0");
		assertThat(ReportingRate.percent(0, 0)).isNull();
		assertThat(ReportingRate.of(0, 0, 0).rate()).isNull();
	}

	@Test
	void countsOutOfOrderAreRefused() {
		assertThatThrownBy(() -> ReportingRate.of(2, 3, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ReportingRate.of(3, 1, 2)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void ratesPerLevelAndInAllMatchAHandCount() {
		// Communes: 09190 late, 09193 on time, 09247 nothing. Districts: 256 on time, 258
		// returned after an on-time submission. Department 27-STTTT: a draft.
		Map<String, Submission> submissions = new HashMap<>();
		put(submissions, "09190", SubmissionStatus.SUBMITTED, true);
		put(submissions, "09193", SubmissionStatus.APPROVED, false);
		put(submissions, "256", SubmissionStatus.SUBMITTED, false);
		put(submissions, "258", SubmissionStatus.RETURNED, false);
		put(submissions, "27-STTTT", SubmissionStatus.DRAFT, false);

		ReportingRates.Rates rates = ReportingRates.count(PLAN.planId(), H1, null, OWED, submissions,
				LocalDate.of(2022, 6, 20));

		assertThat(rates.total()).isEqualTo(new ReportingRate(6, 4, 3, new BigDecimal("66.6"), new BigDecimal("50.0")));
		assertThat(level(rates, UnitKind.COMMUNE))
			.isEqualTo(new ReportingRate(3, 2, 1, new BigDecimal("66.6"), new BigDecimal("33.3")));
		assertThat(level(rates, UnitKind.DISTRICT))
			.isEqualTo(new ReportingRate(2, 2, 2, new BigDecimal("100.0"), new BigDecimal("100.0")));
		assertThat(level(rates, UnitKind.DEPARTMENT))
			.isEqualTo(new ReportingRate(1, 0, 0, new BigDecimal("0.0"), new BigDecimal("0.0")));
		assertThat(rates.lateOrOverdue()).extracting(ReportingRates.Laggard::unitCode, ReportingRates.Laggard::problem)
			.containsExactlyInAnyOrder(tuple("09190", "LATE"), tuple("09247", "OVERDUE"), tuple("27-STTTT", "OVERDUE"));
		assertThat(rates.lateOrOverdue()).allSatisfy((laggard) -> assertThat(laggard.contacts().email()).isNotBlank());
	}

	@Test
	void nothingIsOverdueBeforeItsDueDate() {
		ReportingRates.Rates rates = ReportingRates.count(PLAN.planId(), H1, null, OWED, Map.of(),
				LocalDate.of(2022, 6, 9));

		assertThat(rates.total()).isEqualTo(ReportingRate.of(6, 0, 0));
		assertThat(rates.lateOrOverdue()).isEmpty();
	}

	@Test
	void submissionsNobodyOwesAreNotCountedSoNoRatePasses100Percent() {
		Random random = new Random(4);
		for (int round = 0; round < 200; round++) {
			Map<String, Submission> submissions = new HashMap<>();
			for (String code : List.of("09190", "09193", "09247", "256", "258", "27-STTTT", "09194", "09248",
					"27-SNV")) {
				if (random.nextBoolean()) {
					put(submissions, code, SubmissionStatus.values()[random.nextInt(SubmissionStatus.values().length)],
							random.nextBoolean());
				}
			}
			ReportingRates.Rates rates = ReportingRates.count(PLAN.planId(), H1, null, OWED, submissions,
					LocalDate.of(2022, 7, 1));

			assertThat(rates.total().expected()).isEqualTo(6);
			for (ReportingRate rate : rates.levels().stream().map(ReportingRates.LevelRate::rate).toList()) {
				assertThat(rate.rate()).isLessThanOrEqualTo(new BigDecimal("100.0"));
				assertThat(rate.onTimeRate()).isLessThanOrEqualTo(rate.rate());
			}
			assertThat(rates.total().rate()).isLessThanOrEqualTo(new BigDecimal("100.0"));
		}
	}

	private static ReportingRate level(ReportingRates.Rates rates, UnitKind kind) {
		return rates.levels().stream().filter((l) -> l.level() == kind).findFirst().orElseThrow().rate();
	}

	private static void put(Map<String, Submission> submissions, String unitCode, SubmissionStatus status,
			boolean late) {
		Instant at = Instant.parse("2022-06-08T03:00:00Z");
		boolean submitted = status != SubmissionStatus.DRAFT;
		String id = SubmissionFixtures.id(PLAN.planId(), H1.id(), unitCode);
		CompiledFigures none = new CompiledFigures(at, Tally.ZERO, List.of());
		submissions.put(id,
				new Submission(id, PLAN.planId(), H1.id(), H1.type(), H1.start(), H1.end(), unitCode, unitCode,
						UnitKind.COMMUNE, "256", "256", LocalDate.of(2022, 6, 9), status, 0, submitted ? 1 : 0,
						Narrative.EMPTY, none, List.of(), submitted ? at : null, submitted ? at : null,
						submitted && late, null, false, false, List.of(), List.of(), List.of(), at));
	}

}
