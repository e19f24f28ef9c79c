package vn.gov.cchc.notification.email;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.notification.reminder.Digest;
import vn.gov.cchc.notification.reminder.ReminderKind;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.cchc.notification.email.Digests.HOA_LONG;
import static vn.gov.cchc.notification.email.Digests.VI;
import static vn.gov.cchc.notification.email.Digests.item;

class EmailComposerTests {

	private final EmailComposer composer = new EmailComposer("CCHC Bắc Ninh");

	@Test
	void remindsOfOneReportInVietnamese() {
		EmailContent email = this.composer.compose(Digests.single("d-1", HOA_LONG, VI));

		assertThat(email.subject()).isEqualTo("[CCHC] Nhắc hạn nộp báo cáo: 2026-Q2 hạn 09/07/2026");
		assertThat(email.text()).startsWith("Kính gửi: Ông/Bà Nguyễn Văn An – Xã Hòa Long,\n")
			.contains("Tính đến ngày 06/07/2026, đơn vị Xã Hòa Long có 1 báo cáo cần nộp")
			.contains("- Báo cáo quý 2026-Q2 – kế hoạch 27-2022-22-KH-UBND\n  Hạn nộp: 09/07/2026 (còn 3 ngày)\n")
			.contains("Mở báo cáo: https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881")
			.contains("https://cchc.local/dashboard/units/26881")
			.contains("Đây là thư tự động của Hệ thống báo cáo cải cách hành chính của tỉnh (CCHC Bắc Ninh)")
			.doesNotContain("[#", "[(", "th:");
		assertThat(email.html()).contains("<html lang=\"vi\">")
			.contains("Kính gửi: Ông/Bà <strong>Nguyễn Văn An</strong> – <strong>Xã Hòa Long</strong>,")
			.contains("<td>Báo cáo quý 2026-Q2</td>", "<td>2026-Q2</td>", "<td>09/07/2026</td>", ">còn 3 ngày</td>")
			.contains("<a href=\"https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881\">Mở báo cáo</a>")
			.contains(
					"<a href=\"https://cchc.local/dashboard/units/26881\">https://cchc.local/dashboard/units/26881</a>")
			.contains("Đây là thư tự động của Hệ thống báo cáo cải cách hành chính của tỉnh")
			.doesNotContain("th:", "Các đơn vị sau");
	}

	@Test
	void remindsOfOneReportInEnglish() {
		EmailContent email = this.composer.compose(Digests.single("d-1", HOA_LONG, Locale.ENGLISH));

		assertThat(email.subject()).isEqualTo("[CCHC] Report reminder: 2026-Q2 due 09/07/2026");
		assertThat(email.text()).startsWith("Dear Nguyễn Văn An (Xã Hòa Long),\n")
			.contains("As of 06/07/2026, Xã Hòa Long has 1 report(s) to submit")
			.contains("- Quarterly report 2026-Q2, plan 27-2022-22-KH-UBND\n  Due date: 09/07/2026 (3 days left)\n")
			.contains("Open the report: https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881")
			.contains("https://cchc.local/dashboard/units/26881")
			.contains("This is an automatic message from the province's administrative reform (CCHC) reporting system");
		assertThat(email.html()).contains("<html lang=\"en\">")
			.contains("Dear <strong>Nguyễn Văn An</strong> (<strong>Xã Hòa Long</strong>),")
			.contains("<td>Quarterly report 2026-Q2</td>", "<td>09/07/2026</td>", ">3 days left</td>")
			.contains("<a href=\"https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881\">Open the report</a>")
			.contains("href=\"https://cchc.local/dashboard/units/26881\"");
	}

	@Test
	void remindsOfSeveralReportsByTheNearestDueDate() {
		EmailContent vi = this.composer.compose(Digests.twoDueSoon(VI));
		EmailContent en = this.composer.compose(Digests.twoDueSoon(Locale.ENGLISH));

		assertThat(vi.subject()).isEqualTo("[CCHC] 2 báo cáo sắp đến hạn, gần nhất 06/07/2026");
		assertThat(en.subject()).isEqualTo("[CCHC] 2 reports due soon, earliest 06/07/2026");
		assertThat(vi.text()).contains("có 2 báo cáo cần nộp")
			.contains("- Báo cáo 6 tháng 2026-H1 – kế hoạch 27-2022-22-KH-UBND\n  Hạn nộp: 06/07/2026 (hạn hôm nay)\n")
			.contains("- Báo cáo quý 2026-Q2 – kế hoạch 27-2022-22-KH-UBND\n  Hạn nộp: 09/07/2026 (còn 3 ngày)\n")
			.contains("https://cchc.local/submissions/27-2022-22-KH-UBND/2026-H1/26881",
					"https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881");
		assertThat(vi.text().indexOf("2026-H1")).isLessThan(vi.text().indexOf("2026-Q2"));
		assertThat(vi.html()).contains("<td>Báo cáo 6 tháng 2026-H1</td>", "<td>06/07/2026</td>", ">hạn hôm nay</td>",
				"<td>Báo cáo quý 2026-Q2</td>", "<td>09/07/2026</td>", ">còn 3 ngày</td>",
				"href=\"https://cchc.local/submissions/27-2022-22-KH-UBND/2026-H1/26881\"",
				"href=\"https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881\"");
		assertThat(en.text()).contains("Due date: 06/07/2026 (due today)", "Due date: 09/07/2026 (3 days left)",
				"Half-year report 2026-H1");
		assertThat(en.html()).contains(">due today</td>", ">3 days left</td>");
	}

	@Test
	void countsTheOverdueReportsOfSeveralInTheSubjectAndMarksThemInRed() {
		EmailContent vi = this.composer.compose(Digests.oneOverdueOfThree(VI));
		EmailContent en = this.composer.compose(Digests.oneOverdueOfThree(Locale.ENGLISH));

		assertThat(vi.subject()).isEqualTo("[CCHC] 3 báo cáo cần nộp, 1 báo cáo đã quá hạn");
		assertThat(en.subject()).isEqualTo("[CCHC] 3 reports to submit, 1 overdue");
		assertThat(vi.text()).contains("- Báo cáo tháng 2026-M06 – kế hoạch 27-2022-22-KH-UBND\n"
				+ "  Hạn nộp: 04/07/2026 (quá hạn 2 ngày)\n");
		assertThat(vi.html()).contains("<td style=\"color: #b00020; font-weight: bold;\">quá hạn 2 ngày</td>")
			.contains("<td>còn 3 ngày</td>");
		assertThat(en.text()).contains("Due date: 04/07/2026 (2 days overdue)");
	}

	@Test
	void namesOneOverdueReportInTheSubject() {
		Digest digest = Digests.digest("d-2", HOA_LONG, VI, item("26881", "Xã Hòa Long", "2026-M06", PeriodType.MONTH,
				LocalDate.of(2026, 7, 5), ReminderKind.OVERDUE, -1));

		assertThat(this.composer.compose(digest).subject())
			.isEqualTo("[CCHC] Báo cáo quá hạn: 2026-M06 hạn 05/07/2026");
		assertThat(this.composer.compose(Digests.digest("d-2", HOA_LONG, Locale.ENGLISH, digest.items().get(0))).text())
			.contains("(1 day overdue)");
	}

	@Test
	void tellsTheUnitAboveWhichUnitIsLate() {
		EmailContent vi = this.composer.compose(Digests.escalation(VI));
		EmailContent en = this.composer.compose(Digests.escalation(Locale.ENGLISH));

		assertThat(vi.subject()).isEqualTo("[CCHC] Đơn vị chưa nộp báo cáo đúng hạn: Xã Hòa Long");
		assertThat(en.subject()).isEqualTo("[CCHC] Unit late with its report: Xã Hòa Long");
		assertThat(vi.text()).startsWith("Kính gửi: Tỉnh Bắc Ninh,\n")
			.contains("Các đơn vị sau chưa nộp báo cáo đúng hạn (tính đến ngày 06/07/2026):")
			.contains("- Xã Hòa Long: Báo cáo quý 2026-Q2 – kế hoạch 27-2022-22-KH-UBND\n"
					+ "  Hạn nộp: 04/07/2026 (quá hạn 2 ngày)\n")
			.contains("Mở báo cáo: https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881")
			.contains("https://cchc.local/dashboard/units/27")
			.doesNotContain("báo cáo cần nộp");
		assertThat(vi.html()).contains("Kính gửi: <strong>Tỉnh Bắc Ninh</strong>,")
			.contains("Các đơn vị sau chưa nộp báo cáo đúng hạn")
			.contains("<td>Xã Hòa Long</td>", "<td>2026-Q2</td>", "<td>04/07/2026</td>", ">quá hạn 2 ngày</td>")
			.contains("href=\"https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881\"")
			.contains("href=\"https://cchc.local/dashboard/units/27\"");
		assertThat(en.text()).startsWith("Dear Tỉnh Bắc Ninh,\n")
			.contains("the following units have not submitted their reports on time:")
			.contains("- Xã Hòa Long: Quarterly report 2026-Q2, plan 27-2022-22-KH-UBND\n"
					+ "  Due date: 04/07/2026 (2 days overdue)\n");
		assertThat(en.html()).contains("<td>Xã Hòa Long</td>", ">2 days overdue</td>");
	}

	@Test
	void namesTheFirstLateUnitsAndCountsTheRest() {
		Digest digest = Digests.digest("d-3", Digests.PROVINCE, VI, lateUnit("26881", "Xã Hòa Long"),
				lateUnit("26882", "Xã Yên Phong"), lateUnit("26883", "Phường Vũ Ninh"),
				lateUnit("26884", "Phường Kinh Bắc"), lateUnit("26881", "Xã Hòa Long"));

		assertThat(this.composer.compose(digest).subject()).isEqualTo(
				"[CCHC] 4 đơn vị chưa nộp báo cáo đúng hạn: Xã Hòa Long, Xã Yên Phong, Phường Vũ Ninh và 1 đơn vị khác");
		assertThat(this.composer.compose(Digests.digest("d-3", Digests.PROVINCE, Locale.ENGLISH,
				digest.items().toArray(vn.gov.cchc.notification.reminder.DigestItem[]::new)))
			.subject())
			.isEqualTo("[CCHC] 4 units late with their reports: Xã Hòa Long, Xã Yên Phong, Phường Vũ Ninh and 1 more");
	}

	@Test
	void remindsOfTheUnitsOwnReportsFirstWhenItIsAlsoToldOfLateUnits() {
		Digest digest = Digests.digest("d-6", Digests.PROVINCE, VI, item("27", "Tỉnh Bắc Ninh", "2026-Q2",
				PeriodType.QUARTER, LocalDate.of(2026, 7, 9), ReminderKind.BEFORE, 3),
				lateUnit("26881", "Xã Hòa Long"));

		EmailContent email = this.composer.compose(digest);

		assertThat(email.subject()).isEqualTo("[CCHC] Nhắc hạn nộp báo cáo: 2026-Q2 hạn 09/07/2026");
		assertThat(email.text()).contains("đơn vị Tỉnh Bắc Ninh có 1 báo cáo cần nộp")
			.contains("- Xã Hòa Long: Báo cáo quý 2026-Q2 – kế hoạch 27-2022-22-KH-UBND\n"
					+ "  Hạn nộp: 04/07/2026 (quá hạn 2 ngày)\n");
		assertThat(email.text().indexOf("báo cáo cần nộp"))
			.isLessThan(email.text().indexOf("Các đơn vị sau chưa nộp báo cáo đúng hạn"));
		assertThat(email.html()).contains("<td>Xã Hòa Long</td>", ">còn 3 ngày</td>", ">quá hạn 2 ngày</td>");
	}

	@Test
	void escapesNamesInTheHtmlButNotInTheText() {
		Digest tricky = Digests.digest("d-4",
				Digests.recipient("Ban <Tuyên giáo> & Dân vận", "Lê <b>Bình</b>", "x@y.vn"), VI,
				item("26881", "Xã <script>alert(1)</script> & Co", "2026-Q2", PeriodType.QUARTER,
						LocalDate.of(2026, 7, 4), ReminderKind.ESCALATION, -2));

		EmailContent email = this.composer.compose(tricky);

		assertThat(email.html())
			.contains("Ban &lt;Tuyên giáo&gt; &amp; Dân vận", "Lê &lt;b&gt;Bình&lt;/b&gt;",
					"<td>Xã &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</td>")
			.doesNotContain("<script>", "<Tuyên giáo>", "<b>Bình");
		assertThat(email.text()).contains("Ban <Tuyên giáo> & Dân vận", "Xã <script>alert(1)</script> & Co");
		assertThat(email.subject())
			.isEqualTo("[CCHC] Đơn vị chưa nộp báo cáo đúng hạn: Xã <script>alert(1)</script> & Co");
	}

	@Test
	void greetsTheUnitWhenNoPersonIsKnown() {
		EmailContent email = this.composer
			.compose(Digests.single("d-5", Digests.recipient("Xã Hòa Long", " ", "x@y.vn"), VI));

		assertThat(email.text()).startsWith("Kính gửi: Xã Hòa Long,\n");
		assertThat(email.html()).contains("Kính gửi: <strong>Xã Hòa Long</strong>,").doesNotContain("Ông/Bà");
	}

	private static vn.gov.cchc.notification.reminder.DigestItem lateUnit(String code, String name) {
		return item(code, name, "2026-Q2", PeriodType.QUARTER, LocalDate.of(2026, 7, 4), ReminderKind.ESCALATION, -2);
	}

}
