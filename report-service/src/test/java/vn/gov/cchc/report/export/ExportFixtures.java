package vn.gov.cchc.report.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A realistic report to export: the six-month report of 2022 on administrative reform
 * communication of the commune of Tam Sơn (Bắc Ninh), with its narrative and figures.
 */
final class ExportFixtures {

	static final String BROADCASTS_SENTENCE = "Trong 6 tháng đầu năm, Đài truyền thanh xã đã phát 24 buổi chuyên mục "
			+ "cải cách hành chính với tổng thời lượng 360 phút.";

	static final String SHORTCOMING_SENTENCE = "Kinh phí dành cho công tác tuyên truyền còn hạn chế; một số thôn "
			+ "chưa có hệ thống loa truyền thanh hoạt động ổn định.";

	static final String FIGURES_TITLE = "Biểu 01. Kết quả thực hiện các hoạt động tuyên truyền cải cách hành chính";

	private ExportFixtures() {
	}

	static ReportDocument tamSon() {
		return new ReportDocument(null, "Ủy ban nhân dân xã Tam Sơn", "15/BC-UBND", "Bắc Ninh",
				LocalDate.of(2022, 6, 10), "Báo cáo",
				"Kết quả công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2022", sections(),
				List.of(figures()), List.of("UBND thị xã Từ Sơn", "Phòng Nội vụ thị xã", "TT Đảng ủy, HĐND xã",
						"Chủ tịch, các PCT UBND xã"),
				"Chủ tịch", "Nguyễn Văn Hùng");
	}

	static ReportDocument provinceDepartment() {
		ReportDocument tamSon = tamSon();
		return new ReportDocument("UBND tỉnh Bắc Ninh", "Sở Nội vụ", "…/BC-SNV", "Bắc Ninh", LocalDate.of(2022, 2, 5),
				"Báo cáo", "Tổng hợp kết quả công tác tuyên truyền cải cách hành chính năm 2021", tamSon.sections(),
				tamSon.tables(), List.of("- Bộ Nội vụ;", "UBND tỉnh"), "KT. Giám đốc\nPhó Giám đốc", null);
	}

	static List<Section> sections() {
		return List.of(new Section("I. KẾT QUẢ THỰC HIỆN", List
			.of("Thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2022 của Ủy ban nhân dân xã về công tác tuyên truyền "
					+ "cải cách hành chính năm 2022, Ủy ban nhân dân xã Tam Sơn đã chỉ đạo các bộ phận, thôn "
					+ "triển khai đồng bộ các hình thức tuyên truyền.", BROADCASTS_SENTENCE)),
				new Section("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", List.of(SHORTCOMING_SENTENCE)),
				new Section("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
						List.of("Tiếp tục duy trì chuyên mục cải cách hành chính trên Đài truyền thanh xã; đẩy mạnh "
								+ "tuyên truyền về dịch vụ công trực tuyến toàn trình.")),
				new Section("IV. ĐỀ XUẤT, KIẾN NGHỊ", List.of("Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ tuyên "
						+ "truyền cải cách hành chính cho công chức cấp xã.")));
	}

	static Table figures() {
		return new Table(FIGURES_TITLE, List.of("STT", "Hoạt động", "Số buổi", "Thời lượng (phút)", "Kinh phí (đồng)"),
				List.of(row(1, "HD07 Phát thanh chuyên mục CCHC", 24, 360, 1_500_000L),
						row(2, "HD03 Hội nghị tuyên truyền CCHC", 2, null, 3_250_000L),
						row(3, "HD11 Tin bài CCHC trên Trang thông tin điện tử xã", 15, null, new BigDecimal("750000")),
						row(null, "Tổng cộng", 41, 360, 5_500_000L)));
	}

	static List<@Nullable Object> row(@Nullable Object... cells) {
		return Arrays.asList(cells);
	}

}
