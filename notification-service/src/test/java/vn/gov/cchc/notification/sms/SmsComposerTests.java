package vn.gov.cchc.notification.sms;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.notification.reminder.Channel;
import vn.gov.cchc.notification.reminder.Digest;
import vn.gov.cchc.notification.reminder.DigestItem;
import vn.gov.cchc.notification.reminder.Recipient;
import vn.gov.cchc.notification.reminder.ReminderKind;
import vn.gov.cchc.notification.sms.SmsText.Encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SmsComposerTests {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final Recipient HOA_LONG = new Recipient("09319", "Xã Hòa Long", "Nguyễn Thị Thủy", null,
			"0912 345 678");

	private static final Recipient YEN_PHONG = new Recipient("258", "UBND huyện Yên Phong", null, null, "0987654321");

	private final SmsComposer composer = new SmsComposer(false, 2);

	@Test
	void oneReportDueInSomeDaysIsOneGsm7SentenceWithTheDashboardLink() {
		SmsMessage message = this.composer.compose(digest(HOA_LONG, VI, before("2026-Q2", "2026-07-09", 3)));

		assertThat(message.text()).isEqualTo(
				"CCHC: Xa Hoa Long con 3 ngay nop bao cao 2026-Q2 (han 09/07/2026). Chi tiet: https://cchc.bacninh.gov.vn/u/09319");
		assertThat(message.encoding()).isEqualTo(Encoding.GSM_7);
		assertThat(message.segments()).isEqualTo(1);
	}

	@Test
	void keptDiacriticsMakeAUcs2Message() {
		SmsMessage message = new SmsComposer(true, 2).compose(digest(HOA_LONG, VI, before("2026-Q2", "2026-07-09", 3)));

		assertThat(message.text()).isEqualTo(
				"CCHC: Xã Hòa Long còn 3 ngày nộp báo cáo 2026-Q2 (hạn 09/07/2026). Chi tiết: https://cchc.bacninh.gov.vn/u/09319");
		assertThat(message.encoding()).isEqualTo(Encoding.UCS_2);
		assertThat(message.text()).hasSize(112);
		assertThat(message.segments()).isEqualTo(2);
	}

	@Test
	void aReportDueTodaySaysSo() {
		SmsMessage message = this.composer.compose(digest(HOA_LONG, VI, dueToday("2026-M06", "2026-07-05")));

		assertThat(message.text()).isEqualTo(
				"CCHC: Xa Hoa Long: hom nay (05/07/2026) la han nop bao cao 2026-M06. Chi tiet: https://cchc.bacninh.gov.vn/u/09319");
	}

	@Test
	void anOverdueReportAsksTheUnitToSubmitNow() {
		SmsMessage message = this.composer.compose(digest(HOA_LONG, VI, overdue("2026-H1", "2026-07-15", 5)));

		assertThat(message.text()).isEqualTo(
				"CCHC: Xa Hoa Long da qua han 5 ngay nop bao cao 2026-H1 (han 15/07/2026), de nghi nop ngay. Chi tiet: https://cchc.bacninh.gov.vn/u/09319");
	}

	@Test
	void anEscalationTellsTheUnitAboveWhichUnitIsLate() {
		SmsMessage message = this.composer
			.compose(digest(YEN_PHONG, VI, escalation("Xã Dũng Liệt", "2026-Q2", "2026-07-09", 3)));

		assertThat(message.text()).isEqualTo(
				"CCHC: Xa Dung Liet chua nop bao cao 2026-Q2, qua han 3 ngay (han 09/07/2026). Chi tiet: https://cchc.bacninh.gov.vn/u/258");
	}

	@Test
	void severalReportsAreListedCompactly() {
		SmsMessage message = this.composer.compose(digest(HOA_LONG, VI, overdue("2026-Q1", "2026-04-10", 12),
				dueToday("2026-M06", "2026-07-05"), before("2026-Q2", "2026-07-09", 4)));

		assertThat(message.text()).isEqualTo("CCHC: Xa Hoa Long co 3 bao cao can nop: 2026-Q1 qua han 12 ngay; "
				+ "2026-M06 han hom nay; 2026-Q2 con 4 ngay (han 09/07/2026). Chi tiet: https://cchc.bacninh.gov.vn/u/09319");
		assertThat(message.text()).hasSize(169);
		assertThat(message.segments()).isEqualTo(2);
	}

	@Test
	void severalLateUnitsAreListedForTheUnitAbove() {
		SmsMessage message = this.composer
			.compose(digest(YEN_PHONG, VI, escalation("Xã Dũng Liệt", "2026-Q2", "2026-07-09", 3),
					escalation("Xã Đông Thọ", "2026-Q2", "2026-07-09", 3),
					escalation("Thị trấn Chờ", "2026-M06", "2026-07-10", 2)));

		assertThat(message.text())
			.isEqualTo("CCHC: Don vi truc thuoc chua nop 3 bao cao: Xa Dung Liet 2026-Q2 qua han 3 ngay; "
					+ "Xa Dong Tho 2026-Q2 qua han 3 ngay; Thi tran Cho 2026-M06 qua han 2 ngay. Chi tiet: https://cchc.bacninh.gov.vn/u/258");
		assertThat(message.segments()).isEqualTo(2);
	}

	@Test
	void aUnitsOwnReportsAndLateUnitsBelowItAreListedTogether() {
		SmsMessage message = this.composer.compose(digest(YEN_PHONG, VI, before("2026-Q2", "2026-07-09", 1),
				escalation("Xã Văn Môn", "2026-M06", "2026-07-10", 2)));

		assertThat(message.text()).isEqualTo("CCHC: UBND huyen Yen Phong co 2 bao cao can theo doi: 2026-Q2 con 1 ngay "
				+ "(han 09/07/2026); Xa Van Mon 2026-M06 qua han 2 ngay. Chi tiet: https://cchc.bacninh.gov.vn/u/258");
	}

	@Test
	void englishDigestsAreWrittenInEnglish() {
		assertThat(this.composer.compose(digest(HOA_LONG, Locale.ENGLISH, before("2026-Q2", "2026-07-09", 1))).text())
			.isEqualTo(
					"CCHC: Xa Hoa Long has 1 day left to submit report 2026-Q2 (due 09/07/2026). Details: https://cchc.bacninh.gov.vn/u/09319");
		assertThat(this.composer
			.compose(digest(YEN_PHONG, Locale.ENGLISH, escalation("Xã Dũng Liệt", "2026-Q2", "2026-07-09", 3)))
			.text()).isEqualTo(
					"CCHC: Xa Dung Liet has not submitted report 2026-Q2, 3 days overdue (due 09/07/2026). Details: https://cchc.bacninh.gov.vn/u/258");
		assertThat(this.composer
			.compose(digest(HOA_LONG, Locale.ENGLISH, overdue("2026-Q1", "2026-04-10", 2),
					dueToday("2026-M06", "2026-07-05"), before("2026-Q2", "2026-07-09", 4)))
			.text())
			.isEqualTo("CCHC: Xa Hoa Long has 3 reports due: 2026-Q1 2 days overdue; 2026-M06 due today; "
					+ "2026-Q2 4 days left (due 09/07/2026). Details: https://cchc.bacninh.gov.vn/u/09319");
	}

	@Test
	void reportsThatDoNotFitAreDroppedFromTheEndAndCounted() {
		Digest digest = digest(YEN_PHONG, VI, escalation("Xã Dũng Liệt", "2026-Q2", "2026-07-09", 3),
				escalation("Xã Đông Thọ", "2026-Q2", "2026-07-09", 3),
				escalation("Thị trấn Chờ", "2026-M06", "2026-07-10", 2),
				escalation("Xã Văn Môn", "2026-M06", "2026-07-10", 2));

		SmsMessage message = new SmsComposer(false, 1).compose(digest);

		assertThat(message.text())
			.isEqualTo("CCHC: Don vi truc thuoc chua nop 4 bao cao: Xa Dung Liet 2026-Q2 qua han 3 ngay; "
					+ "+3 bao cao khac. Chi tiet: https://cchc.bacninh.gov.vn/u/258");
		assertThat(message.segments()).isEqualTo(1);
		assertThat(new SmsComposer(false, 2).compose(digest).text()).contains("Xa Van Mon").doesNotContain("khac");
	}

	@Test
	void englishCountsTheReportsLeftOut() {
		DigestItem dungLiet = escalation("Xã Dũng Liệt", "2026-Q2", "2026-07-09", 3);
		DigestItem dongTho = escalation("Xã Đông Thọ", "2026-Q2", "2026-07-09", 3);
		DigestItem cho = escalation("Thị trấn Chờ", "2026-M06", "2026-07-10", 2);
		SmsComposer oneSegment = new SmsComposer(false, 1);

		assertThat(oneSegment.compose(digest(YEN_PHONG, Locale.ENGLISH, dungLiet, dongTho)).text())
			.isEqualTo("CCHC: Units under you have not submitted 2 reports: Xa Dung Liet 2026-Q2 3 days overdue; "
					+ "+1 more report. Details: https://cchc.bacninh.gov.vn/u/258");
		assertThat(oneSegment.compose(digest(YEN_PHONG, Locale.ENGLISH, dungLiet, dongTho, cho)).text())
			.isEqualTo("CCHC: Units under you have not submitted 3 reports: Xa Dung Liet 2026-Q2 3 days overdue; "
					+ "+2 more reports. Details: https://cchc.bacninh.gov.vn/u/258");
	}

	@ParameterizedTest
	@CsvSource({ "false, 1", "false, 2", "false, 3", "false, 10", "true, 1", "true, 2", "true, 3", "true, 10" })
	void aLongListNeverTakesMoreThanTheMostSegments(boolean keepDiacritics, int maxSegments) {
		SmsMessage message = new SmsComposer(keepDiacritics, maxSegments).compose(fortyLateUnits());

		assertThat(message.segments()).isLessThanOrEqualTo(maxSegments).isEqualTo(SmsText.segments(message.text()));
		assertThat(message.encoding()).isEqualTo(keepDiacritics ? Encoding.UCS_2 : Encoding.GSM_7);
		assertThat(message.text()).startsWith(keepDiacritics ? "CCHC: Đơn vị trực thuộc" : "CCHC: Don vi truc thuoc")
			.endsWith(" https://cchc.bacninh.gov.vn/u/258");
	}

	@ParameterizedTest
	@CsvSource({ "false, 1", "false, 2", "false, 3", "false, 10", "true, 3", "true, 10" })
	void aLongListShowsAsManyReportsAsFitAndCountsTheOthers(boolean keepDiacritics, int maxSegments) {
		SmsMessage message = new SmsComposer(keepDiacritics, maxSegments).compose(fortyLateUnits());

		String text = keepDiacritics ? SmsText.withoutDiacritics(message.text()) : message.text();
		int listed = count(Pattern.compile("Tien Phong \\d+ 2026-Q2 qua han \\d+ ngay"), text);
		Matcher more = Pattern.compile("; \\+(\\d+) bao cao khac\\. Chi tiet: https://cchc.bacninh.gov.vn/u/258$")
			.matcher(text);
		assertThat(more.find()).as(text).isTrue();
		assertThat(listed).isPositive();
		assertThat(listed + Integer.parseInt(more.group(1))).isEqualTo(40);
		// One more report would not have fitted, even with the count one digit shorter.
		String next = keepDiacritics ? "; Xã Tiền Phong %d 2026-Q2 quá hạn %d ngày"
				: "; Xa Tien Phong %d 2026-Q2 qua han %d ngay";
		int nextLength = next.formatted(listed + 1, listed + 1).length();
		assertThat(SmsText.units(message.text()) + nextLength - 1)
			.isGreaterThan(SmsText.capacity(message.encoding(), maxSegments));
	}

	@Test
	void whenNotOneReportFitsOnlyTheNumberOfReportsIsGiven() {
		// Two UCS-2 segments hold 134 units; the heading, one late unit and the count of
		// the others take 146.
		SmsMessage message = new SmsComposer(true, 2).compose(fortyLateUnits());

		assertThat(message.text())
			.isEqualTo("CCHC: Đơn vị trực thuộc chưa nộp 40 báo cáo. Chi tiết: https://cchc.bacninh.gov.vn/u/258");
		assertThat(message.segments()).isEqualTo(2);
	}

	@Test
	void whenNotEvenTheNumberFitsTheTextIsCutShortBeforeTheLink() {
		SmsMessage message = new SmsComposer(true, 1).compose(fortyLateUnits());

		assertThat(message.text()).isEqualTo("CCHC: Đơn vị trực thuộc... Chi tiết: https://cchc.bacninh.gov.vn/u/258")
			.hasSize(70);
		assertThat(message.segments()).isEqualTo(1);
	}

	@Test
	void aReportThatDoesNotFitEvenAloneIsCutShortBeforeTheLink() {
		String name = "Ban Chỉ đạo cải cách hành chính và chuyển đổi số, Đề án 06, của Ủy ban nhân dân xã Hòa Long, "
				+ "huyện Yên Phong, tỉnh Bắc Ninh, nhiệm kỳ 2026-2031, Tổ công tác thường trực";

		SmsMessage message = new SmsComposer(false, 1).compose(digest(HOA_LONG, VI,
				new DigestItem("plan-1:2026-Q2:09319", "09319", name, "plan-1", "2026-Q2", PeriodType.QUARTER,
						LocalDate.parse("2026-07-09"), ReminderKind.BEFORE, 3, URI.create("https://x"))));

		assertThat(message.segments()).isEqualTo(1);
		assertThat(message.text()).hasSize(160)
			.startsWith("CCHC: Ban Chi dao cai cach hanh chinh")
			.endsWith("... Chi tiet: https://cchc.bacninh.gov.vn/u/09319");
	}

	@Test
	void aMessageTakesAtLeastOneSegment() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SmsComposer(false, 0));
	}

	private static Digest fortyLateUnits() {
		return digest(YEN_PHONG, VI,
				IntStream.rangeClosed(1, 40)
					.mapToObj((i) -> escalation("Xã Tiền Phong " + i, "2026-Q2", "2026-07-09", i))
					.toArray(DigestItem[]::new));
	}

	private static int count(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static Digest digest(Recipient recipient, Locale language, DigestItem... items) {
		return new Digest("d-" + recipient.unitCode(), Channel.SMS, recipient, language, List.of(items),
				Instant.parse("2026-07-06T01:00:00Z"),
				URI.create("https://cchc.bacninh.gov.vn/u/" + recipient.unitCode()));
	}

	private static DigestItem before(String periodId, String dueDate, long days) {
		return own(periodId, dueDate, ReminderKind.BEFORE, days);
	}

	private static DigestItem dueToday(String periodId, String dueDate) {
		return own(periodId, dueDate, ReminderKind.DUE_TODAY, 0);
	}

	private static DigestItem overdue(String periodId, String dueDate, long days) {
		return own(periodId, dueDate, ReminderKind.OVERDUE, -days);
	}

	private static DigestItem own(String periodId, String dueDate, ReminderKind kind, long daysToDue) {
		return item("09319", "Xã Hòa Long", periodId, dueDate, kind, daysToDue);
	}

	private static DigestItem escalation(String unitName, String periodId, String dueDate, long daysLate) {
		return item(Integer.toString(Math.abs(unitName.hashCode())), unitName, periodId, dueDate,
				ReminderKind.ESCALATION, -daysLate);
	}

	private static DigestItem item(String unitCode, String unitName, String periodId, String dueDate, ReminderKind kind,
			long daysToDue) {
		PeriodType type = switch (periodId.substring(5)) {
			case "Q1", "Q2", "Q3", "Q4" -> PeriodType.QUARTER;
			case "H1" -> PeriodType.HALF_YEAR;
			case "9M" -> PeriodType.NINE_MONTHS;
			case "Y" -> PeriodType.YEAR;
			default -> PeriodType.MONTH;
		};
		return new DigestItem("plan-1:" + periodId + ":" + unitCode, unitCode, unitName, "plan-1", periodId, type,
				LocalDate.parse(dueDate), kind, daysToDue, URI.create("https://cchc.bacninh.gov.vn/r/" + unitCode));
	}

}
