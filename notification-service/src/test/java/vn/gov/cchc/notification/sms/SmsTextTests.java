package vn.gov.cchc.notification.sms;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import vn.gov.cchc.notification.sms.SmsText.Encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SmsTextTests {

	private static final String[] TONE_MARKS = { "\u0301", "\u0300", "\u0309", "\u0303", "\u0323" };

	/** Each Vietnamese vowel, with the plain letter it becomes without diacritics. */
	private static final Map<String, String> VOWELS = vowels();

	private static Map<String, String> vowels() {
		Map<String, String> vowels = new LinkedHashMap<>();
		vowels.put("a", "a");
		vowels.put("ă", "a");
		vowels.put("â", "a");
		vowels.put("e", "e");
		vowels.put("ê", "e");
		vowels.put("i", "i");
		vowels.put("o", "o");
		vowels.put("ô", "o");
		vowels.put("ơ", "o");
		vowels.put("u", "u");
		vowels.put("ư", "u");
		vowels.put("y", "y");
		return vowels;
	}

	static Stream<Arguments> reminders() {
		return Stream.of(arguments(
				"CCHC: Xã Hòa Long còn 3 ngày nộp báo cáo 2026-Q2 (hạn 09/07/2026). Chi tiết: https://cchc.bacninh.gov.vn/d/27000",
				"CCHC: Xa Hoa Long con 3 ngay nop bao cao 2026-Q2 (han 09/07/2026). Chi tiet: https://cchc.bacninh.gov.vn/d/27000",
				112, 1),
				arguments(
						"CCHC: Phường Đồng Nguyên đã quá hạn 5 ngày nộp báo cáo 2026-H1 (hạn 30/06/2026), đề nghị nộp ngay.",
						"CCHC: Phuong Dong Nguyen da qua han 5 ngay nop bao cao 2026-H1 (han 30/06/2026), de nghi nop ngay.",
						98, 1),
				arguments("CCHC: Thị trấn Chờ: hôm nay (15/07/2026) là hạn nộp báo cáo 2026-M06.",
						"CCHC: Thi tran Cho: hom nay (15/07/2026) la han nop bao cao 2026-M06.", 69, 1),
				arguments(
						"CCHC: Sở Nội vụ có 3 báo cáo cần nộp: 2026-Q2 còn 2 ngày (hạn 10/07/2026); 2026-M06 hạn hôm nay; 2026-Y quá hạn 4 ngày.",
						"CCHC: So Noi vu co 3 bao cao can nop: 2026-Q2 con 2 ngay (han 10/07/2026); 2026-M06 han hom nay; 2026-Y qua han 4 ngay.",
						119, 1),
				arguments("CCHC: UBND huyện Yên Phong chưa nộp báo cáo 2026-9M, quá hạn 1 ngày (hạn 05/10/2026).",
						"CCHC: UBND huyen Yen Phong chua nop bao cao 2026-9M, qua han 1 ngay (han 05/10/2026).", 85, 1),
				arguments(
						"ĐỀ NGHỊ UBND XÃ ĐÔNG THỌ NỘP BÁO CÁO KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH QUÝ II TRƯỚC NGÀY 20/07.",
						"DE NGHI UBND XA DONG THO NOP BAO CAO KE HOACH TUYEN TRUYEN CAI CACH HANH CHINH QUY II TRUOC NGAY 20/07.",
						103, 1),
				arguments(
						"Đôn đốc: Đơn vị trực thuộc chưa nộp 2 báo cáo: Xã Tam Đa 2026-Q2 quá hạn 3 ngày; Xã Dũng Liệt 2026-Q2 quá hạn 2 ngày.",
						"Don doc: Don vi truc thuoc chua nop 2 bao cao: Xa Tam Da 2026-Q2 qua han 3 ngay; Xa Dung Liet 2026-Q2 qua han 2 ngay.",
						117, 1),
				arguments(
						"Sở Tư pháp tỉnh Bắc Ninh: kế hoạch tuyên truyền cải cách hành chính năm 2026 đã được phê duyệt, đề nghị triển khai.",
						"So Tu phap tinh Bac Ninh: ke hoach tuyen truyen cai cach hanh chinh nam 2026 da duoc phe duyet, de nghi trien khai.",
						115, 1),
				arguments(
						"Phường Vũ Ninh nhắc: báo cáo 6 tháng đầu năm gửi trước ngày 30/06/2026, chậm nhất là thứ Hai tuần sau.",
						"Phuong Vu Ninh nhac: bao cao 6 thang dau nam gui truoc ngay 30/06/2026, cham nhat la thu Hai tuan sau.",
						102, 1),
				arguments(
						"Xã Ngũ Thái, huyện Thuận Thành: kỳ báo cáo 2026-M05 đã mở, hạn nộp 05/06/2026, xin lưu ý đúng hạn.",
						"Xa Ngu Thai, huyen Thuan Thanh: ky bao cao 2026-M05 da mo, han nop 05/06/2026, xin luu y dung han.",
						98, 1),
				arguments(
						"Ban chỉ đạo CCHC thông báo: hệ thống sẽ bảo trì từ 22 giờ thứ Bảy đến 6 giờ Chủ nhật, mong quý vị thông cảm.",
						"Ban chi dao CCHC thong bao: he thong se bao tri tu 22 gio thu Bay den 6 gio Chu nhat, mong quy vi thong cam.",
						108, 1),
				arguments(
						"Văn phòng UBND tỉnh đề nghị các sở, ban, ngành rà soát số liệu trước khi ký số báo cáo quý II.",
						"Van phong UBND tinh de nghi cac so, ban, nganh ra soat so lieu truoc khi ky so bao cao quy II.",
						94, 1),
				arguments(
						"Xã Đại Đồng Thành quá hạn 12 ngày nộp báo cáo 2026-Q1; lãnh đạo xã giải trình bằng văn bản, kể cả lý do chậm trễ.",
						"Xa Dai Dong Thanh qua han 12 ngay nop bao cao 2026-Q1; lanh dao xa giai trinh bang van ban, ke ca ly do cham tre.",
						113, 1),
				arguments(
						"Phòng Nội vụ huyện Gia Bình: nội dung tuyên truyền gồm ảnh, tờ gấp, bản tin, pa-nô, áp phích, bảng điện tử.",
						"Phong Noi vu huyen Gia Binh: noi dung tuyen truyen gom anh, to gap, ban tin, pa-no, ap phich, bang dien tu.",
						107, 1),
				arguments(
						"THÔNG BÁO KHẨN: UBND THỊ XÃ QUẾ VÕ CHƯA NỘP BÁO CÁO 2026-Q2, QUÁ HẠN 7 NGÀY. ĐỀ NGHỊ KHẮC PHỤC NGAY.",
						"THONG BAO KHAN: UBND THI XA QUE VO CHUA NOP BAO CAO 2026-Q2, QUA HAN 7 NGAY. DE NGHI KHAC PHUC NGAY.",
						100, 1),
				arguments("CCHC [2026-Q2] {Xã Hòa Long}: tỷ lệ hoàn thành ~95%, kinh phí 1.200€; mã ^A|B\\C.",
						"CCHC [2026-Q2] {Xa Hoa Long}: ty le hoan thanh ~95%, kinh phi 1.200€; ma ^A|B\\C.", 89, 1),
				arguments("Sở Nội vụ “nhắc” – hạn nộp báo cáo 2026-Q2 là 09/07/2026…",
						"So Noi vu \"nhac\" - han nop bao cao 2026-Q2 la 09/07/2026...", 59, 1),
				arguments(
						"Trường THCS Lương Thế Vinh, xã Hương Mạc: người phụ trách đã được nhắc nhở lần thứ ba, đề nghị hồi âm.",
						"Truong THCS Luong The Vinh, xa Huong Mac: nguoi phu trach da duoc nhac nho lan thu ba, de nghi hoi am.",
						102, 1),
				arguments(
						"Kỹ thuật viên Nguyễn Thị Thủy, Trung tâm Phục vụ hành chính công: lỗi tải tệp đã được khắc phục, mời gửi lại.",
						"Ky thuat vien Nguyen Thi Thuy, Trung tam Phuc vu hanh chinh cong: loi tai tep da duoc khac phuc, moi gui lai.",
						109, 1),
				arguments(
						"Hội nghị sơ kết công tác cải cách hành chính quý II tổ chức tại hội trường tầng 3, đại biểu đến sớm 15 phút.",
						"Hoi nghi so ket cong tac cai cach hanh chinh quy II to chuc tai hoi truong tang 3, dai bieu den som 15 phut.",
						108, 1),
				arguments(
						"Phường Thuỵ Khuê: đề nghị kèm biểu mẫu hướng dẫn, sẵn sàng trước mùa mưa; những nội dung đặc thù chẳng cần gửi lại.",
						"Phuong Thuy Khue: de nghi kem bieu mau huong dan, san sang truoc mua mua; nhung noi dung dac thu chang can gui lai.",
						115, 1),
				arguments(
						"Xã Nghĩa Đạo xin phép hẹn lại buổi kiểm tra; cán bộ trẻ hỗ trợ, giúp đỡ các thôn nhỏ hoàn thiện hồ sơ.",
						"Xa Nghia Dao xin phep hen lai buoi kiem tra; can bo tre ho tro, giup do cac thon nho hoan thien ho so.",
						102, 1),
				// 160 characters: one segment
				arguments(
						"CCHC: Xã Hòa Long có 3 báo cáo cần nộp: 2026-Q2 còn 3 ngày (hạn 09/07/2026); 2026-M06 hạn hôm nay; 2026-Q1 quá hạn 8 ngày. Chi tiết: cchc.bacninh.gov.vn/d/27001",
						"CCHC: Xa Hoa Long co 3 bao cao can nop: 2026-Q2 con 3 ngay (han 09/07/2026); 2026-M06 han hom nay; 2026-Q1 qua han 8 ngay. Chi tiet: cchc.bacninh.gov.vn/d/27001",
						160, 1),
				// 161 characters: two
				arguments(
						"CCHC: Phường Đồng Nguyên có 3 báo cáo cần nộp: 2026-Q2 còn 5 ngày (hạn 11/07/2026); 2026-M06 hạn hôm nay; 2026-H1 quá hạn 2 ngày. Chi tiết: cchc.bacninh.gov.vn/9",
						"CCHC: Phuong Dong Nguyen co 3 bao cao can nop: 2026-Q2 con 5 ngay (han 11/07/2026); 2026-M06 han hom nay; 2026-H1 qua han 2 ngay. Chi tiet: cchc.bacninh.gov.vn/9",
						161, 2),
				// 306 characters: two of 153
				arguments(
						"CCHC: Đơn vị trực thuộc chưa nộp 9 báo cáo: Xã Hòa Long 2026-Q2 quá hạn 3 ngày; Xã Tam Đa 2026-Q2 quá hạn 3 ngày; Xã Lạc Vệ 2026-Q2 quá hạn 2 ngày; Xã Đông Thọ 2026-Q2 quá hạn 2 ngày; Xã Mẫn Xá 2026-Q2 quá hạn 1 ngày; Xã Yên Trung 2026-M06 quá hạn 1 ngày; +3 báo cáo khác. Chi tiết: cchc.bacninh.gov.vn/d/2",
						"CCHC: Don vi truc thuoc chua nop 9 bao cao: Xa Hoa Long 2026-Q2 qua han 3 ngay; Xa Tam Da 2026-Q2 qua han 3 ngay; Xa Lac Ve 2026-Q2 qua han 2 ngay; Xa Dong Tho 2026-Q2 qua han 2 ngay; Xa Man Xa 2026-Q2 qua han 1 ngay; Xa Yen Trung 2026-M06 qua han 1 ngay; +3 bao cao khac. Chi tiet: cchc.bacninh.gov.vn/d/2",
						306, 2),
				// 307 characters: three
				arguments(
						"CCHC: Đơn vị trực thuộc chưa nộp 9 báo cáo: Xã Hòa Long 2026-Q2 quá hạn 3 ngày; Xã Tam Đa 2026-Q2 quá hạn 3 ngày; Xã Lạc Vệ 2026-Q2 quá hạn 2 ngày; Xã Đông Thọ 2026-Q2 quá hạn 2 ngày; Xã Mẫn Xá 2026-Q2 quá hạn 1 ngày; Xã Yên Trung 2026-M06 quá hạn 1 ngày; +3 báo cáo khác. Chi tiết: cchc.bacninh.gov.vn/d/27",
						"CCHC: Don vi truc thuoc chua nop 9 bao cao: Xa Hoa Long 2026-Q2 qua han 3 ngay; Xa Tam Da 2026-Q2 qua han 3 ngay; Xa Lac Ve 2026-Q2 qua han 2 ngay; Xa Dong Tho 2026-Q2 qua han 2 ngay; Xa Man Xa 2026-Q2 qua han 1 ngay; Xa Yen Trung 2026-M06 qua han 1 ngay; +3 bao cao khac. Chi tiet: cchc.bacninh.gov.vn/d/27",
						307, 3),
				// 160 characters but 161 septets, as the euro sign takes two
				arguments(
						"CCHC: Thị trấn Chờ đã nộp báo cáo 2026-Q2; kinh phí tuyên truyền quý II là 1.250€ theo tỷ giá quy đổi, đề nghị ghi rõ nguồn vốn. Chi tiết: cchc.bacninh.gov.vn/5",
						"CCHC: Thi tran Cho da nop bao cao 2026-Q2; kinh phi tuyen truyen quy II la 1.250€ theo ty gia quy doi, de nghi ghi ro nguon von. Chi tiet: cchc.bacninh.gov.vn/5",
						161, 2),
				// 306 septets, yet three segments: the euro sign's escape and character
				// cannot be split over the first two
				arguments(
						"CCHC: Xã Hòa Long đã nộp báo cáo 2026-Q2 nhưng thiếu phụ lục kinh phí: đề nghị bổ sung bảng kê chi tiết các hoạt động tuyên truyền, tổng kinh phí 12.000€ cho 4 hội nghị, 2 cuộc thi và 1.500 tờ gấp; gửi kèm hóa đơn, chứng từ trước ngày 20/07/2026 để Sở Nội vụ tổng hợp. Chi tiết: cchc.bacninh.gov.vn/d/2700",
						"CCHC: Xa Hoa Long da nop bao cao 2026-Q2 nhung thieu phu luc kinh phi: de nghi bo sung bang ke chi tiet cac hoat dong tuyen truyen, tong kinh phi 12.000€ cho 4 hoi nghi, 2 cuoc thi va 1.500 to gap; gui kem hoa don, chung tu truoc ngay 20/07/2026 de So Noi vu tong hop. Chi tiet: cchc.bacninh.gov.vn/d/2700",
						306, 3));
	}

	@ParameterizedTest
	@MethodSource("reminders")
	void aReminderWithoutDiacriticsIsGsm7TextOfTheExpectedLengthAndSegments(String text, String expected, int septets,
			int segments) {
		String gsm7 = SmsText.toGsm7(text);
		assertThat(gsm7).isEqualTo(expected);
		assertThat(SmsText.encodingOf(gsm7)).isEqualTo(Encoding.GSM_7);
		assertThat(SmsText.units(gsm7)).isEqualTo(septets);
		assertThat(SmsText.segments(gsm7)).isEqualTo(segments);
	}

	@ParameterizedTest
	@MethodSource("reminders")
	void decomposedInputLosesItsDiacriticsLikePrecomposedInput(String text, String expected) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo(text);
		assertThat(SmsText.toGsm7(decomposed)).isEqualTo(expected);
	}

	@Test
	void everyPrecomposedVietnameseLetterBecomesAPlainLetter() {
		Map<String, String> letters = new LinkedHashMap<>();
		VOWELS.forEach((vowel, plain) -> {
			if (!vowel.equals(plain)) {
				letters.put(vowel, plain);
			}
			for (String mark : TONE_MARKS) {
				letters.put(Normalizer.normalize(vowel + mark, Normalizer.Form.NFC), plain);
			}
		});
		letters.put("đ", "d");
		Map<String, String> upperCase = new LinkedHashMap<>();
		letters.forEach((letter, plain) -> upperCase.put(letter.toUpperCase(), plain.toUpperCase()));
		letters.putAll(upperCase);

		assertThat(letters).hasSize(134);
		assertThat(letters.keySet()).allSatisfy((letter) -> assertThat(letter).hasSize(1));
		letters.forEach((letter, plain) -> {
			assertThat(SmsText.withoutDiacritics(letter)).as(letter).isEqualTo(plain).matches("[a-zA-Z]");
			assertThat(SmsText.withoutDiacritics(Normalizer.normalize(letter, Normalizer.Form.NFD))).as(letter)
				.isEqualTo(plain);
		});
		String all = String.join("", letters.keySet());
		assertThat(SmsText.toGsm7(all)).isEqualTo(String.join("", letters.values())).matches("[a-zA-Z]{134}");
	}

	@Test
	void toneMarksTypedBeforeTheVowelMarkAreRemovedToo() {
		// Some keyboards put the tone before the vowel mark: e + dot below + circumflex.
		assertThat(SmsText.withoutDiacritics("Nguye\u0323\u0302n Thi\u0323 Thu\u031B\u0301"))
			.isEqualTo("Nguyen Thi Thu");
	}

	@Test
	void lettersOfOtherScriptsAreNotTakenApartByStripping() {
		assertThat(SmsText.withoutDiacritics("한국 漢字")).isEqualTo("한국 漢字");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			‘Sở Nội vụ’             | 'So Noi vu'
			“Kế hoạch 2026”         | "Ke hoach 2026"
			Quý II – Quý III        | Quy II - Quy III
			Quý II — hết hạn        | Quy II - het han
			Đang xử lý…             | Dang xu ly...
			`Số 12\u00a0ngày`          | So 12 ngay
			mục • tờ gấp            | muc - to gap
			3 × 4                   | 3 x 4
			`lớp\thọc`               | lop hoc
			Nhắn 😀 nhé              | Nhan ? nhe
			漢字                      | ??
			Ø æ ß Å ¿ ¡ § £ ¥ ¤ @ _ | Ø æ ß A ¿ ¡ § £ ¥ ¤ @ _
			""")
	void charactersOutsideGsm7BecomeTheirGsm7EquivalentOrAQuestionMark(String text, String expected) {
		assertThat(SmsText.toGsm7(text)).isEqualTo(expected);
		assertThat(SmsText.isGsm7(SmsText.toGsm7(text))).isTrue();
	}

	@Test
	void textWithDiacriticsIsUcs2CountedInUtf16CodeUnits() {
		String seventy = vietnamese(70);
		assertThat(SmsText.encodingOf(seventy)).isEqualTo(Encoding.UCS_2);
		assertThat(SmsText.units(seventy)).isEqualTo(70);
		assertThat(SmsText.segments(seventy)).isEqualTo(1);
		assertThat(SmsText.segments(vietnamese(71))).isEqualTo(2);
		assertThat(SmsText.segments(vietnamese(134))).isEqualTo(2);
		assertThat(SmsText.segments(vietnamese(135))).isEqualTo(3);
	}

	@Test
	void aSurrogatePairCountsTwoCodeUnitsAndIsNotSplitOverSegments() {
		String emoji = "😀";
		assertThat(SmsText.units("Chúc mừng " + emoji)).isEqualTo(12);
		// 66 code units, then a pair that would straddle the 67-unit boundary: it moves
		// to
		// the second segment, so 134 units take three.
		String straddling = vietnamese(66) + emoji + vietnamese(66);
		assertThat(SmsText.units(straddling)).isEqualTo(134);
		assertThat(SmsText.segments(straddling)).isEqualTo(3);
		assertThat(SmsText.segments(vietnamese(65) + emoji + vietnamese(67))).isEqualTo(2);
	}

	@Test
	void gsm7TextFillsOneSegmentOf160AndConcatenatedSegmentsOf153() {
		assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
		assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
		assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
		assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
		assertThat(SmsText.segments("a".repeat(1530))).isEqualTo(10);
	}

	@Test
	void extensionCharactersTakeTwoSeptets() {
		assertThat(SmsText.encodingOf("^{}\\[~]|€")).isEqualTo(Encoding.GSM_7);
		assertThat(SmsText.units("^{}\\[~]|€")).isEqualTo(18);
		assertThat(SmsText.segments("€".repeat(80))).isEqualTo(1);
		assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
	}

	@Test
	void theEmptyTextIsOneGsm7Segment() {
		assertThat(SmsText.encodingOf("")).isEqualTo(Encoding.GSM_7);
		assertThat(SmsText.units("")).isZero();
		assertThat(SmsText.segments("")).isEqualTo(1);
		assertThat(SmsMessage.of("")).isEqualTo(new SmsMessage("", Encoding.GSM_7, 1));
	}

	/** Vietnamese text of exactly the given length in UTF-16 code units. */
	private static String vietnamese(int length) {
		String words = "Đề nghị Xã Hòa Long nộp báo cáo kế hoạch tuyên truyền cải cách hành chính quý II đúng hạn. ";
		List<String> parts = new ArrayList<>();
		int total = 0;
		while (total < length) {
			parts.add(words);
			total += words.length();
		}
		String text = String.join("", parts).substring(0, length);
		assertThat(text).hasSize(length).startsWith("Đ");
		return text;
	}

}
