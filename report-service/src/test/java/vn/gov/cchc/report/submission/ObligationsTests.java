package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.period.Period;
import vn.gov.cchc.report.period.Periods;
import vn.gov.cchc.report.period.ReportingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who owes which report, to whom and by when, on the tree of the period's end day: three
 * levels in 2022, two in 2026; never the receiver, never a unit that did not exist then.
 */
class ObligationsTests {

	private static final DatedUnitTree<UnitDetails> TREE = DatedUnitTree.of(SubmissionFixtures.TREE);

	private static final Periods PERIODS = SubmissionFixtures.periods();

	@Test
	void theBacNinhPlanOf2022AsksForTheFirstHalfAndTheYear() {
		PlanDetails plan = SubmissionFixtures.plan2022();

		List<Period> periods = Obligations.reportedPeriods(plan, PERIODS.calendar(plan.reporting()));

		assertThat(periods).extracting(Period::id).containsExactly("2022-H1", "2022-Y");
		assertThat(periods.get(0).start()).isEqualTo(LocalDate.of(2021, 11, 15));
		assertThat(periods.get(0).end()).isEqualTo(LocalDate.of(2022, 6, 7));
	}

	@Test
	void before2025EveryDepartmentDistrictAndCommuneOwesExceptTheReceiver() {
		PlanDetails plan = SubmissionFixtures.plan2022();
		ReportingCalendar calendar = PERIODS.calendar(plan.reporting());
		Period h1 = calendar.find("2022-H1").orElseThrow();

		List<Obligation> owed = Obligations.owed(plan, h1, TREE, calendar);

		assertThat(owed).extracting((o) -> o.unit().code())
			.containsExactlyInAnyOrder("27-STTTT", "256", "258", "09190", "09193", "09247");
		assertThat(owed).extracting(Obligation::submissionId).contains("27-2022-22-KH-UBND:2022-H1:09190");
	}

	@Test
	void aCommuneSendsToItsDistrictAndADistrictOrDepartmentToTheReceiverInsteadOfTheIssuer() {
		PlanDetails plan = SubmissionFixtures.plan2022();
		ReportingCalendar calendar = PERIODS.calendar(plan.reporting());
		List<Obligation> owed = Obligations.owed(plan, calendar.find("2022-H1").orElseThrow(), TREE, calendar);

		assertThat(of(owed, "09190").receiverUnitCode()).isEqualTo("256");
		assertThat(of(owed, "09247").receiverUnitCode()).isEqualTo("258");
		assertThat(of(owed, "256").receiverUnitCode()).isEqualTo("27-SNV");
		assertThat(of(owed, "27-STTTT").receiverUnitCode()).isEqualTo("27-SNV");
		assertThat(owed).allSatisfy((o) -> assertThat(o.escalationUnitCode()).isEqualTo(o.receiverUnitCode()));
	}

	@Test
	void communesAreDueBeforeDistrictsAndDepartments() {
		PlanDetails plan = SubmissionFixtures.plan2022();
		ReportingCalendar calendar = PERIODS.calendar(plan.reporting());
		List<Obligation> owed = Obligations.owed(plan, calendar.find("2022-H1").orElseThrow(), TREE, calendar);

		assertThat(of(owed, "09190").dueDate()).isEqualTo(LocalDate.of(2022, 6, 9));
		assertThat(of(owed, "256").dueDate()).isEqualTo(LocalDate.of(2022, 6, 14));
		assertThat(of(owed, "27-STTTT").dueDate()).isEqualTo(LocalDate.of(2022, 6, 14));
	}

	@Test
	void after2025OnlyTheMergedCommunesAndTheDepartmentOweAndTheyAllSendToTheReceiver() {
		PlanDetails plan = SubmissionFixtures.plan2026();
		ReportingCalendar calendar = PERIODS.calendar(plan.reporting());
		Period h1 = calendar.find("2026-H1").orElseThrow();

		List<Obligation> owed = Obligations.owed(plan, h1, TREE, calendar);

		assertThat(h1.start()).isAfter(SubmissionFixtures.MERGER);
		assertThat(owed).extracting((o) -> o.unit().code()).containsExactlyInAnyOrder("27-STTTT", "09194", "09248");
		assertThat(owed).extracting(Obligation::receiverUnitCode).containsOnly("27-SNV");
		assertThat(owed).extracting((o) -> o.unit().kind()).doesNotContain(UnitKind.DISTRICT);
	}

	@Test
	void aPeriodWhoseEndFallsBeforeTheMergerCountsTheOldTreeEvenWhenAskedLater() {
		PlanDetails plan = SubmissionFixtures.plan2022();
		ReportingCalendar calendar = PERIODS.calendar(plan.reporting());

		List<Obligation> owed = Obligations.owed(plan, calendar.find("2022-Y").orElseThrow(), TREE, calendar);

		assertThat(owed).extracting((o) -> o.unit().code()).doesNotContain("09194", "09248").contains("256", "09247");
	}

	private static Obligation of(List<Obligation> owed, String unitCode) {
		return owed.stream().filter((o) -> o.unit().code().equals(unitCode)).findFirst().orElseThrow();
	}

}
