package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.outbox.OutboxEvent;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.web.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The lifecycle over the real store: draft → submitted → returned → resubmitted →
 * approved, each step one conditional update with its audit entry and its event in the
 * outbox; the steps refused in the wrong status, by the wrong unit or role or from a
 * stale revision, with nothing written.
 */
class SubmissionLifecycleTests {

	private static final String VU_NINH = SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "09190");

	private static final Caller COMMUNE_OFFICER = new Caller("nguyen.thi.ha", "Nguyễn Thị Hà", "09190",
			Set.of(Role.OFFICER));

	private static final Caller DISTRICT_OFFICER = SubmissionFixtures.officer("tran.van.binh", "256");

	private static final Caller DISTRICT_REVIEWER = new Caller("tran.van.binh", "Trần Văn Bình", "256",
			Set.of(Role.REVIEWER));

	private SubmissionFixtures.World world;

	@BeforeEach
	void openTheFirstHalfOf2022() {
		this.world = SubmissionFixtures.World.fresh("lifecycle", MutableClock.morningOf(LocalDate.of(2022, 6, 8)));
		this.world.record("evt-radio-1", "09190", SubmissionFixtures.PLAN_2022, "HD07", LocalDate.of(2022, 3, 2),
				Map.of("broadcasts", 4L, "minutes", 60L), 0);
		this.world.open(SubmissionFixtures.PLAN_2022, "2022-H1");
	}

	@AfterEach
	void drop() {
		this.world.drop();
	}

	@Test
	void aDraftHoldsTheFiguresOfThePeriodAndItsDueEventWaitsInTheOutbox() {
		Submission draft = find(VU_NINH);

		assertThat(draft.status()).isEqualTo(SubmissionStatus.DRAFT);
		assertThat(draft.version()).isZero();
		assertThat(draft.dueDate()).isEqualTo(LocalDate.of(2022, 6, 9));
		assertThat(draft.receiverUnitCode()).isEqualTo("256");
		assertThat(draft.figures().of("HD07").quantity("broadcasts")).isEqualTo(4);
		assertThat(draft.figures().activities()).extracting(ActivityFigures::activityId)
			.startsWith("HD01", "HD02", "HD03");
		assertThat(draft.pending()).extracting(OutboxEvent::type).containsExactly("vn.gov.cchc.submission.due.v1");
		assertThat(draft.audit()).extracting(AuditEntry::action).containsExactly("OPEN");
	}

	@Test
	void theDistrictDraftListsItsCommunesSubmissions() {
		Submission district = find(SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "256"));

		assertThat(district.children()).extracting(ChildSubmission::unitCode).containsExactly("09190", "09193");
		assertThat(district.figures().of("HD07").quantity("broadcasts")).isEqualTo(4);
	}

	@Test
	void draftSubmittedReturnedResubmittedApprovedLeavesEveryStepInTheAuditAndTheOutbox() {
		SubmissionWorkflow workflow = this.world.workflow();
		workflow.editNarrative(COMMUNE_OFFICER, VU_NINH, narrative("Phát 4 chuyên mục."), 0);
		Submission submitted = workflow.submit(COMMUNE_OFFICER, VU_NINH);
		assertThat(submitted.status()).isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(submitted.version()).isEqualTo(1);
		assertThat(submitted.late()).isFalse();

		Submission returned = workflow.returnForFixing(DISTRICT_REVIEWER, VU_NINH, "Thiếu số phút phát sóng.");
		assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);

		this.world.clock().setMorningOf(LocalDate.of(2022, 6, 13));
		workflow.editNarrative(COMMUNE_OFFICER, VU_NINH, narrative("Phát 4 chuyên mục, 60 phút."), returned.revision());
		Submission resubmitted = workflow.submit(COMMUNE_OFFICER, VU_NINH);
		assertThat(resubmitted.version()).isEqualTo(2);
		// Lateness is decided by the first submission, on time on 8 June.
		assertThat(resubmitted.late()).isFalse();

		Submission approved = workflow.approve(DISTRICT_REVIEWER, VU_NINH);

		assertThat(approved.status()).isEqualTo(SubmissionStatus.APPROVED);
		assertThat(approved.narrative().results()).isEqualTo("Phát 4 chuyên mục, 60 phút.");
		assertThat(approved.audit()).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::to)
			.containsExactly(tuple("OPEN", "vận hành", SubmissionStatus.DRAFT),
					tuple("EDIT_NARRATIVE", "nguyen.thi.ha", SubmissionStatus.DRAFT),
					tuple("SUBMIT", "nguyen.thi.ha", SubmissionStatus.SUBMITTED),
					tuple("RETURN", "tran.van.binh", SubmissionStatus.RETURNED),
					tuple("EDIT_NARRATIVE", "nguyen.thi.ha", SubmissionStatus.RETURNED),
					tuple("SUBMIT", "nguyen.thi.ha", SubmissionStatus.SUBMITTED),
					tuple("APPROVE", "tran.van.binh", SubmissionStatus.APPROVED));
		assertThat(approved.audit().get(3).comment()).isEqualTo("Thiếu số phút phát sóng.");
		assertThat(approved.audit().get(3).unit()).isEqualTo("256");
		assertThat(approved.audit()).extracting(AuditEntry::actorName)
			.containsExactly("Bộ phận vận hành", "Nguyễn Thị Hà", "Nguyễn Thị Hà", "Trần Văn Bình", "Nguyễn Thị Hà",
					"Nguyễn Thị Hà", "Trần Văn Bình");
		assertThat(approved.audit().get(0).unit()).isEqualTo("27");
		assertThat(approved.pending()).extracting(OutboxEvent::type)
			.containsExactly("vn.gov.cchc.submission.due.v1", "vn.gov.cchc.submission.submitted.v1",
					"vn.gov.cchc.submission.returned.v1", "vn.gov.cchc.submission.submitted.v1",
					"vn.gov.cchc.submission.approved.v1");
		assertThat(approved.pending().get(3).cloudEvent()).contains("\"version\":2").contains("\"late\":false");
		assertThat(approved.pending()).extracting(OutboxEvent::key).containsOnly(VU_NINH);
	}

	@Test
	void aFirstSubmissionAfterTheDueDateIsLateAndStaysLateWhenResubmitted() {
		this.world.clock().setMorningOf(LocalDate.of(2022, 6, 10));
		SubmissionWorkflow workflow = this.world.workflow();
		workflow.editNarrative(COMMUNE_OFFICER, VU_NINH, narrative("Muộn."), 0);

		Submission submitted = workflow.submit(COMMUNE_OFFICER, VU_NINH);
		workflow.returnForFixing(DISTRICT_REVIEWER, VU_NINH, "Bổ sung.");
		Submission resubmitted = workflow.submit(COMMUNE_OFFICER, VU_NINH);

		assertThat(submitted.late()).isTrue();
		assertThat(resubmitted.late()).isTrue();
		assertThat(resubmitted.pending().get(1).cloudEvent()).contains("\"late\":true");
	}

	@Test
	void aSubmissionLateInTheEveningOfTheDueDateInVietnamIsOnTime() {
		// 23:30 on 9 June in Hà Nội is 16:30 UTC the same day; 00:30 on 10 June is 17:30
		// UTC on 9 June, already late.
		assertThat(SubmissionWorkflow.isLate(Instant.parse("2022-06-09T16:30:00Z"), LocalDate.of(2022, 6, 9)))
			.isFalse();
		assertThat(SubmissionWorkflow.isLate(Instant.parse("2022-06-09T17:30:00Z"), LocalDate.of(2022, 6, 9))).isTrue();
	}

	@Test
	void aStepInTheWrongStatusIsA409NamingTheCurrentStatusInVietnamese() {
		assertProblem(() -> this.world.workflow().approve(DISTRICT_REVIEWER, VU_NINH), 409, "wrong-state").satisfies(
				(problem) -> assertThat(problem.getProblem().getDetail()).contains("«Dự thảo»").contains("«Đã nộp»"));
		assertProblem(() -> this.world.workflow().returnForFixing(DISTRICT_REVIEWER, VU_NINH, "x"), 409, "wrong-state");

		this.world.workflow().editNarrative(COMMUNE_OFFICER, VU_NINH, narrative("Xong."), 0);
		this.world.workflow().submit(COMMUNE_OFFICER, VU_NINH);
		this.world.workflow().approve(DISTRICT_REVIEWER, VU_NINH);

		assertProblem(() -> this.world.workflow().submit(COMMUNE_OFFICER, VU_NINH), 409, "wrong-state")
			.satisfies((problem) -> assertThat(problem.getProblem().getDetail()).contains("«Đã duyệt»"));
		assertProblem(() -> this.world.workflow().editNarrative(COMMUNE_OFFICER, VU_NINH, narrative("Sửa."), 4), 409,
				"wrong-state");
		assertThat(find(VU_NINH).narrative().results()).isEqualTo("Xong.");
	}

	@Test
	void aNarrativeEditFromAStaleRevisionIsA409AndChangesNothing() {
		this.world.workflow().editNarrative(COMMUNE_OFFICER, VU_NINH, narrative("Bản thứ nhất."), 0);

		assertProblem(() -> this.world.workflow().editNarrative(COMMUNE_OFFICER, VU_NINH, narrative("Bản cũ."), 0), 409,
				"stale-revision")
			.satisfies(
					(problem) -> assertThat(problem.getProblem().getProperties()).containsEntry("currentRevision", 1L));
		assertThat(find(VU_NINH).narrative().results()).isEqualTo("Bản thứ nhất.");
		assertThat(find(VU_NINH).revision()).isEqualTo(1);
	}

	@Test
	void submittingWithoutResultsIsRefused() {
		assertProblem(() -> this.world.workflow().submit(COMMUNE_OFFICER, VU_NINH), 409, "incomplete-report");
		assertThat(find(VU_NINH).status()).isEqualTo(SubmissionStatus.DRAFT);
	}

	@Test
	void onlyAnOfficerOfTheUnitSubmitsAndOnlyAReviewerOfTheReceiverOrAUnitAboveItApprovesOrReturns() {
		assertProblem(() -> this.world.workflow().editNarrative(DISTRICT_OFFICER, VU_NINH, narrative("Hộ."), 0), 403,
				"forbidden");
		assertProblem(() -> this.world.workflow()
			.editNarrative(new Caller("commune-09190", "commune-09190", "09190", Set.of(Role.MACHINE)), VU_NINH,
					narrative("Máy."), 0),
				403, "forbidden");
		this.world.workflow().editNarrative(COMMUNE_OFFICER, VU_NINH, narrative("Xong."), 0);
		assertProblem(() -> this.world.workflow().submit(SubmissionFixtures.officer("x", "09193"), VU_NINH), 403,
				"forbidden");
		this.world.workflow().submit(COMMUNE_OFFICER, VU_NINH);

		assertProblem(() -> this.world.workflow().approve(COMMUNE_OFFICER, VU_NINH), 403, "forbidden");
		assertProblem(() -> this.world.workflow().approve(SubmissionFixtures.reviewer("x", "09190"), VU_NINH), 403,
				"forbidden");
		assertProblem(() -> this.world.workflow().approve(SubmissionFixtures.reviewer("x", "258"), VU_NINH), 403,
				"forbidden");
		assertProblem(() -> this.world.workflow().approve(SubmissionFixtures.reviewer("x", "27-SNV"), VU_NINH), 403,
				"forbidden");
		// The receiving district's officer is no reviewer, and administrators do not
		// approve.
		assertProblem(() -> this.world.workflow().approve(DISTRICT_OFFICER, VU_NINH), 403, "forbidden")
			.satisfies((problem) -> assertThat(problem.getProblem().getDetail()).contains("người thẩm định"));
		assertProblem(
				() -> this.world.workflow()
					.returnForFixing(new Caller("quantri", "Quản trị", "27", Set.of(Role.ADMIN)), VU_NINH, "Không."),
				403, "forbidden");
		assertThat(find(VU_NINH).status()).isEqualTo(SubmissionStatus.SUBMITTED);

		// The province is above the district that receives the report.
		assertThat(this.world.workflow().approve(SubmissionFixtures.reviewer("chu.tich", "27"), VU_NINH).status())
			.isEqualTo(SubmissionStatus.APPROVED);
	}

	@Test
	void officersReadTheUnitTheUnitsAboveItAndTheReceiverReviewersTheProvinceMachinesNothing() {
		Submission district = find(SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "256"));

		assertThat(this.world.workflow().mayRead(SubmissionFixtures.officer("a", "256"), district)).isTrue();
		assertThat(this.world.workflow().mayRead(SubmissionFixtures.officer("a", "27"), district)).isTrue();
		assertThat(this.world.workflow().mayRead(SubmissionFixtures.officer("a", "27-SNV"), district)).isTrue();
		assertThat(this.world.workflow().mayRead(SubmissionFixtures.officer("a", "09190"), district)).isFalse();
		assertThat(this.world.workflow().mayRead(SubmissionFixtures.officer("a", "258"), district)).isFalse();
		assertThat(this.world.workflow().mayRead(SubmissionFixtures.officer("a", "KHONG-CO"), district)).isFalse();
		assertThat(this.world.workflow().mayRead(SubmissionFixtures.reviewer("a", "27-STTTT"), district)).isTrue();
		assertThat(this.world.workflow().mayRead(new Caller("a", "a", "27", Set.of(Role.ADMIN)), district)).isTrue();
		assertThat(this.world.workflow().mayRead(SubmissionFixtures.reviewer("a", "58-SNV"), district)).isFalse();
		assertThat(this.world.workflow().mayRead(new Caller("m", "m", "256", Set.of(Role.MACHINE)), district))
			.isFalse();
		assertProblem(() -> this.world.workflow().read(SubmissionFixtures.officer("a", "258"), district.id()), 403,
				"forbidden");
	}

	@Test
	void anUnknownSubmissionIsA404() {
		assertProblem(
				() -> this.world.workflow()
					.read(COMMUNE_OFFICER, SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-Y", "09190")),
				404, "unknown-submission");
	}

	private Submission find(String id) {
		return this.world.submissions().find(id).orElseThrow();
	}

	private static Narrative narrative(String results) {
		return new Narrative(results, "Một số xã chưa cập nhật kịp thời.", "Duy trì chuyên mục hằng tuần.",
				"Đề nghị bổ sung kinh phí.");
	}

	static ObjectAssert<ProblemException> assertProblem(ThrowingCallable call, int status, String slug) {
		ProblemException[] caught = new ProblemException[1];
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, (problem) -> {
			assertThat(problem.getProblem().getStatus()).isEqualTo(status);
			assertThat(problem.getProblem().getType().toString()).endsWith("/" + slug);
			caught[0] = problem;
		});
		return new ObjectAssert<>(caught[0]);
	}

}
