package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.outbox.OutboxEvent;
import vn.gov.cchc.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounds open once whoever opens them and however often, only after the cut-off, and
 * drafts are marked overdue once, after their due date.
 */
class SubmissionRoundsTests {

	private SubmissionFixtures.World world;

	@AfterEach
	void drop() {
		this.world.drop();
	}

	@Test
	void openingTwiceMakesEachDraftAndEachEventOnce() {
		this.world = SubmissionFixtures.World.fresh("rounds", MutableClock.morningOf(LocalDate.of(2022, 6, 8)));

		SubmissionRounds.Opening first = this.world.open(SubmissionFixtures.PLAN_2022, "2022-H1");
		SubmissionRounds.Opening second = this.world.open(SubmissionFixtures.PLAN_2022, "2022-H1");

		assertThat(first).isEqualTo(new SubmissionRounds.Opening(SubmissionFixtures.PLAN_2022, "2022-H1", 6, 6, true));
		assertThat(second.opened()).isFalse();
		assertThat(second.draftsCreated()).isZero();
		Round round = this.world.submissions().findRound(SubmissionFixtures.PLAN_2022, "2022-H1").orElseThrow();
		assertThat(round.submissionIds()).hasSize(6);
		assertThat(round.pending()).extracting(OutboxEvent::type).containsExactly("vn.gov.cchc.period.opened.v1");
		assertThat(round.pending().get(0).cloudEvent()).contains("\"expectedReports\":6")
			.contains("\"receiverUnitCode\":\"27-SNV\"");
		assertThat(this.world.submissions().findAll(round.submissionIds()))
			.allSatisfy((submission) -> assertThat(submission.pending()).hasSize(1));
	}

	@Test
	void anOpeningInterruptedAfterSomeDraftsIsCompletedByTheNextWithoutDuplicates() {
		this.world = SubmissionFixtures.World.fresh("rounds", MutableClock.morningOf(LocalDate.of(2022, 6, 8)));
		SubmissionRounds.Opening first = this.world.open(SubmissionFixtures.PLAN_2022, "2022-H1");
		// As if the instance died before writing the round and one draft.
		this.world.database().getCollection(Submissions.ROUNDS).deleteMany(new org.bson.Document());
		this.world.database()
			.getCollection(Submissions.COLLECTION)
			.deleteOne(new org.bson.Document("_id",
					SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "09247")));

		SubmissionRounds.Opening again = this.world.open(SubmissionFixtures.PLAN_2022, "2022-H1");

		assertThat(first.draftsCreated()).isEqualTo(6);
		assertThat(again.opened()).isTrue();
		assertThat(again.draftsCreated()).isEqualTo(1);
		assertThat(this.world.database().getCollection(Submissions.COLLECTION).countDocuments()).isEqualTo(6);
	}

	@Test
	void theScanOpensOnlyPeriodsWhoseCutOffIsBeforeToday() {
		this.world = SubmissionFixtures.World.fresh("rounds", MutableClock.morningOf(LocalDate.of(2022, 6, 7)));

		this.world.rounds().scan();
		assertThat(this.world.submissions().findRound(SubmissionFixtures.PLAN_2022, "2022-H1")).isEmpty();

		this.world.clock().setMorningOf(LocalDate.of(2022, 6, 8));
		this.world.rounds().scan();
		assertThat(this.world.submissions().findRound(SubmissionFixtures.PLAN_2022, "2022-H1")).isPresent();
		assertThat(this.world.submissions().findRound(SubmissionFixtures.PLAN_2022, "2022-Y")).isEmpty();
		assertThat(this.world.submissions().findRound(SubmissionFixtures.PLAN_2026, "2026-H1")).isEmpty();
	}

	@Test
	void draftsPastTheirDueDateAreMarkedOverdueOnceCommunesFirst() {
		this.world = SubmissionFixtures.World.fresh("rounds", MutableClock.morningOf(LocalDate.of(2022, 6, 8)));
		this.world.rounds().scan();
		String vuNinh = SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "09190");
		String dapCau = SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "09193");
		String thanhPho = SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "256");
		Caller dapCauOfficer = SubmissionFixtures.officer("a", "09193");
		this.world.workflow().editNarrative(dapCauOfficer, dapCau, new Narrative("Có.", "", "", ""), 0);
		this.world.workflow().submit(dapCauOfficer, dapCau);

		// Communes are due on 9 June, districts and departments on 14 June.
		this.world.clock().setMorningOf(LocalDate.of(2022, 6, 10));
		this.world.rounds().scan();
		this.world.rounds().scan();

		assertThat(find(vuNinh).overdue()).isTrue();
		assertThat(find(vuNinh).pending()).extracting(OutboxEvent::type)
			.containsExactly("vn.gov.cchc.submission.due.v1", "vn.gov.cchc.submission.overdue.v1");
		assertThat(find(vuNinh).audit()).extracting(AuditEntry::action).containsExactly("OPEN", "OVERDUE");
		assertThat(find(dapCau).overdue()).isFalse();
		assertThat(find(thanhPho).overdue()).isFalse();
		assertThat(
				this.world.submissions().findRound(SubmissionFixtures.PLAN_2022, "2022-H1").orElseThrow().settledAt())
			.isNull();

		this.world.clock().setMorningOf(LocalDate.of(2022, 6, 15));
		this.world.rounds().scan();

		assertThat(find(thanhPho).overdue()).isTrue();
		assertThat(find(vuNinh).pending()).hasSize(2);
		assertThat(
				this.world.submissions().findRound(SubmissionFixtures.PLAN_2022, "2022-H1").orElseThrow().settledAt())
			.isNotNull();
		// An overdue draft can still be submitted, late; the mark did not move the
		// revision.
		Caller vuNinhOfficer = SubmissionFixtures.officer("b", "09190");
		this.world.workflow().editNarrative(vuNinhOfficer, vuNinh, new Narrative("Muộn.", "", "", ""), 0);
		assertThat(this.world.workflow().submit(vuNinhOfficer, vuNinh).late()).isTrue();
		assertThat(List.of(find(vuNinh).status())).containsExactly(SubmissionStatus.SUBMITTED);
	}

	private Submission find(String id) {
		return this.world.submissions().find(id).orElseThrow();
	}

}
