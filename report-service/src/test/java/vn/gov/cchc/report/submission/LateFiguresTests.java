package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fact that arrives after a report was submitted or approved never changes its figures:
 * the report is marked revision pending and a revision with the new figures is stored
 * beside it, once per change the counting writes. A draft shows the figures as they are
 * when read.
 */
class LateFiguresTests {

	private static final String VU_NINH = SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "09190");

	private static final String DAP_CAU = SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "09193");

	private static final String THANH_PHO = SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "256");

	private static final Caller COMMUNE = SubmissionFixtures.officer("nguyen.thi.ha", "09190");

	private SubmissionFixtures.World world;

	@BeforeEach
	void approveVuNinh() {
		this.world = SubmissionFixtures.World.fresh("late-figures", MutableClock.morningOf(LocalDate.of(2022, 6, 8)));
		this.world.record("evt-1", "09190", SubmissionFixtures.PLAN_2022, "HD07", LocalDate.of(2022, 3, 2),
				Map.of("broadcasts", 4L), 0);
		this.world.open(SubmissionFixtures.PLAN_2022, "2022-H1");
		this.world.workflow().editNarrative(COMMUNE, VU_NINH, new Narrative("Đã phát 4 lần.", "", "", ""), 0);
		this.world.workflow().submit(COMMUNE, VU_NINH);
		this.world.workflow().approve(SubmissionFixtures.reviewer("tran.van.binh", "256"), VU_NINH);
	}

	@AfterEach
	void drop() {
		this.world.drop();
	}

	@Test
	void aLateFactLeavesTheApprovedFiguresAndAddsARevisionWithTheNewOnes() {
		Submission before = find(VU_NINH);

		this.world.record("evt-late", "09190", SubmissionFixtures.PLAN_2022, "HD07", LocalDate.of(2022, 5, 20),
				Map.of("broadcasts", 2L), 150_000);

		Submission after = find(VU_NINH);
		assertThat(after.status()).isEqualTo(SubmissionStatus.APPROVED);
		assertThat(after.figures()).isEqualTo(before.figures());
		assertThat(after.figures().of("HD07").quantity("broadcasts")).isEqualTo(4);
		assertThat(after.revisionPending()).isTrue();
		assertThat(after.revisions()).hasSize(1);
		Revision revision = after.revisions().get(0);
		assertThat(revision.changeId()).startsWith("09190|" + SubmissionFixtures.PLAN_2022 + "|2022-05@");
		assertThat(revision.reason()).isEqualTo("Có số liệu mới sau khi đã nộp/duyệt");
		assertThat(revision.figures().of("HD07").quantity("broadcasts")).isEqualTo(6);
		assertThat(revision.figures().total().budgetSpentVnd()).isEqualTo(150_000);
		assertThat(after.audit()).last().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("REVISION");
			assertThat(entry.actor()).isEqualTo(AuditEntry.SYSTEM);
			assertThat(entry.comment()).contains(revision.changeId());
		});
		assertThat(after.revision()).isEqualTo(before.revision());
	}

	@Test
	void theSameWrittenChangeSeenTwiceAddsOneRevision() {
		this.world.record("evt-late", "09190", SubmissionFixtures.PLAN_2022, "HD07", LocalDate.of(2022, 5, 20),
				Map.of("broadcasts", 2L), 0);

		this.world.lateFigures().apply(this.world.changes().get(this.world.changes().size() - 1));

		assertThat(find(VU_NINH).revisions()).hasSize(1);
	}

	@Test
	void aFactOutsideThePeriodOrOfAnotherUnitMakesNoRevision() {
		this.world.record("evt-july", "09190", SubmissionFixtures.PLAN_2022, "HD07", LocalDate.of(2022, 7, 1),
				Map.of("broadcasts", 1L), 0);
		this.world.record("evt-other", "09247", SubmissionFixtures.PLAN_2022, "HD07", LocalDate.of(2022, 5, 1),
				Map.of("broadcasts", 1L), 0);

		assertThat(find(VU_NINH).revisionPending()).isFalse();
		assertThat(find(VU_NINH).revisions()).isEmpty();
	}

	@Test
	void aDraftAndItsParentsDraftShowTheFiguresAsTheyAreWhenRead() {
		this.world.record("evt-dap-cau", "09193", SubmissionFixtures.PLAN_2022, "HD05", LocalDate.of(2022, 4, 4),
				Map.of("minutes", 30L), 0);

		Submission draft = this.world.workflow().read(SubmissionFixtures.officer("a", "09193"), DAP_CAU);
		assertThat(draft.figures().of("HD05").quantity("minutes")).isEqualTo(30);
		assertThat(draft.revisions()).isEmpty();
		Submission parent = this.world.workflow().read(SubmissionFixtures.officer("b", "256"), THANH_PHO);
		assertThat(parent.figures().of("HD05").quantity("minutes")).isEqualTo(30);
		assertThat(parent.figures().of("HD07").quantity("broadcasts")).isEqualTo(4);
		// Nothing is rewritten on the consumer thread for a draft.
		assertThat(find(DAP_CAU).figures().of("HD05").quantity("minutes")).isZero();
	}

	@Test
	void resubmittingAfterAReturnFreezesTheNewFiguresAndClearsThePendingMark() {
		this.world.workflow()
			.editNarrative(SubmissionFixtures.officer("a", "09193"), DAP_CAU, new Narrative("Có.", "", "", ""), 0);
		this.world.workflow().submit(SubmissionFixtures.officer("a", "09193"), DAP_CAU);
		this.world.record("evt-late-dc", "09193", SubmissionFixtures.PLAN_2022, "HD05", LocalDate.of(2022, 4, 4),
				Map.of("minutes", 30L), 0);
		assertThat(find(DAP_CAU).revisionPending()).isTrue();
		assertThat(find(DAP_CAU).figures().of("HD05").quantity("minutes")).isZero();

		this.world.workflow()
			.returnForFixing(SubmissionFixtures.reviewer("b", "256"), DAP_CAU, "Cập nhật số liệu mới.");
		Submission resubmitted = this.world.workflow().submit(SubmissionFixtures.officer("a", "09193"), DAP_CAU);

		assertThat(resubmitted.revisionPending()).isFalse();
		assertThat(resubmitted.figures().of("HD05").quantity("minutes")).isEqualTo(30);
		assertThat(resubmitted.revisions()).hasSize(1);
	}

	private Submission find(String id) {
		return this.world.submissions().find(id).orElseThrow();
	}

}
