package vn.gov.cchc.report.submission;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.report.export.ReportDocument;
import vn.gov.cchc.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission laid out as an administrative report: issuer under its parent of the
 * period, the narrative as I–IV, the figures per activity, the receiver as recipient.
 */
class SubmissionReportsTests {

	private static final String VU_NINH = SubmissionFixtures.id(SubmissionFixtures.PLAN_2022, "2022-H1", "09190");

	private SubmissionFixtures.World world;

	@BeforeEach
	void submitVuNinh() {
		this.world = SubmissionFixtures.World.fresh("reports", MutableClock.morningOf(LocalDate.of(2022, 6, 8)));
		this.world.record("evt-1", "09190", SubmissionFixtures.PLAN_2022, "HD07", LocalDate.of(2022, 3, 2),
				Map.of("broadcasts", 4L, "minutes", 60L), 500_000);
		this.world.open(SubmissionFixtures.PLAN_2022, "2022-H1");
		Caller officer = SubmissionFixtures.officer("nguyen.thi.ha", "09190");
		this.world.workflow()
			.editNarrative(officer, VU_NINH,
					new Narrative("Phát 4 chuyên mục.\n\nTổng 60 phút.", "Chưa đều.", "Duy trì.", "Kinh phí."), 0);
		this.world.workflow().submit(officer, VU_NINH);
	}

	@AfterEach
	void drop() {
		this.world.drop();
	}

	@Test
	void periodsAreNamedAsDocumentsNameThem() {
		assertThat(SubmissionReports.subtitle(PeriodType.HALF_YEAR, "2022-H1"))
			.isEqualTo("Kết quả công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2022");
		assertThat(SubmissionReports.subtitle(PeriodType.YEAR, "2022-Y")).endsWith(" năm 2022");
		assertThat(SubmissionReports.subtitle(PeriodType.QUARTER, "2024-Q1")).endsWith(" quý I năm 2024");
		assertThat(SubmissionReports.subtitle(PeriodType.MONTH, "2024-M05")).endsWith(" tháng 5 năm 2024");
	}

	@Test
	void aSubmissionBecomesAReportOfItsUnitUnderItsDistrict() {
		Submission submission = this.world.submissions().find(VU_NINH).orElseThrow();

		ReportDocument document = SubmissionReports.of(submission, this.world.tree(), LocalDate.of(2022, 6, 8));

		assertThat(document.issuerName()).isEqualTo("PHƯỜNG VŨ NINH");
		assertThat(document.superiorName()).isEqualTo("THÀNH PHỐ BẮC NINH");
		assertThat(document.number()).isEqualTo("…/BC-UBND");
		assertThat(document.place()).isEqualTo("Bắc Ninh");
		assertThat(document.sections()).extracting((section) -> section.heading())
			.containsExactly("I. KẾT QUẢ ĐẠT ĐƯỢC", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
					"III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ");
		assertThat(document.sections().get(0).paragraphs()).containsExactly("Phát 4 chuyên mục.", "Tổng 60 phút.");
		assertThat(document.recipients()).containsExactly("Thành phố Bắc Ninh");
		assertThat(document.tables().get(0).rows()).hasSize(9);
		assertThat(document.tables().get(0).rows().get(6)).containsSubsequence(1L, 500_000L,
				"broadcasts: 4; minutes: 60");
		assertThat(document.tables().get(0).rows().get(8).get(1)).isEqualTo("Tổng cộng");
	}

}
