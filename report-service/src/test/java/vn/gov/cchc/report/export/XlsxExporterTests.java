package vn.gov.cchc.report.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XLSX export read back with POI: the information sheet, one sheet per table with
 * figures as numeric cells, a bold frozen header and columns wide enough.
 */
class XlsxExporterTests {

	private final XlsxExporter exporter = new XlsxExporter();

	@Test
	void startsWithAnInformationSheetThenOneSheetPerTable() throws IOException {
		try (XSSFWorkbook workbook = read(this.exporter.write(ExportFixtures.tamSon()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			assertThat(workbook.getSheetName(0)).isEqualTo("Thông tin");
			assertThat(workbook.getSheetName(1)).isEqualTo(ExportFixtures.FIGURES_TITLE.substring(0, 31).strip());
		}
	}

	@Test
	void identifiesTheReportAndCarriesItsNarrativeOnTheInformationSheet() throws IOException {
		try (XSSFWorkbook workbook = read(this.exporter.write(ExportFixtures.tamSon()))) {
			XSSFSheet info = workbook.getSheet("Thông tin");
			assertThat(value(info, "Cơ quan ban hành").getStringCellValue()).isEqualTo("Ủy ban nhân dân xã Tam Sơn");
			assertThat(value(info, "Số").getStringCellValue()).isEqualTo("15/BC-UBND");
			assertThat(value(info, "Tên loại").getStringCellValue()).isEqualTo("BÁO CÁO");
			assertThat(value(info, "Trích yếu").getStringCellValue())
				.isEqualTo("Kết quả công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2022");
			assertThat(value(info, "Người ký").getStringCellValue()).isEqualTo("CHỦ TỊCH - Nguyễn Văn Hùng");
			assertThat(value(info, "Nơi nhận").getStringCellValue())
				.endsWith("- Chủ tịch, các PCT UBND xã;\n- Lưu: VT.");

			XSSFCell date = value(info, "Ngày");
			assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
			assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2022, 6, 10));
			assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");

			List<String> texts = new ArrayList<>();
			info.forEach((row) -> row.forEach((cell) -> {
				if (cell.getCellType() == CellType.STRING) {
					texts.add(cell.getStringCellValue());
				}
			}));
			assertThat(texts).containsSubsequence("Nội dung", "I. KẾT QUẢ THỰC HIỆN",
					ExportFixtures.BROADCASTS_SENTENCE, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
					ExportFixtures.SHORTCOMING_SENTENCE, "IV. ĐỀ XUẤT, KIẾN NGHỊ");
			assertThat(value(info, "Cơ quan chủ quản")).as("a commune has no governing body line").isNull();
		}
	}

	@Test
	void writesFiguresAsNumericCellsWithGroupingUnderABoldHeader() throws IOException {
		try (XSSFWorkbook workbook = read(this.exporter.write(ExportFixtures.tamSon()))) {
			XSSFSheet figures = workbook.getSheetAt(1);
			assertThat(figures.getRow(0).getCell(0).getStringCellValue()).isEqualTo(ExportFixtures.FIGURES_TITLE);
			assertThat(figures.getMergedRegion(0).formatAsString()).isEqualTo("A1:E1");

			Row header = figures.getRow(1);
			assertThat(header).extracting(Cell::getStringCellValue)
				.containsExactly("STT", "Hoạt động", "Số buổi", "Thời lượng (phút)", "Kinh phí (đồng)");
			header.forEach(
					(cell) -> assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue());

			Row broadcasts = figures.getRow(2);
			assertThat(broadcasts.getCell(1).getStringCellValue()).isEqualTo("HD07 Phát thanh chuyên mục CCHC");
			assertThat(broadcasts.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(broadcasts.getCell(2).getNumericCellValue()).isEqualTo(24);
			assertThat(broadcasts.getCell(3).getNumericCellValue()).isEqualTo(360);
			assertThat(broadcasts.getCell(4).getNumericCellValue()).isEqualTo(1_500_000);
			assertThat(broadcasts.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");

			Row conferences = figures.getRow(3);
			assertThat(conferences.getCell(3).getCellType()).as("a figure not reported stays blank")
				.isEqualTo(CellType.BLANK);
			assertThat(figures.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(750_000);
			assertThat(figures.getRow(5).getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
			assertThat(figures.getRow(5).getCell(4).getNumericCellValue()).isEqualTo(5_500_000);
		}
	}

	@Test
	void writesDecimalsWithTheirFractionDigits() throws IOException {
		Table rates = new Table("Tỷ lệ hồ sơ trực tuyến", List.of("Đơn vị", "Tỷ lệ (%)"),
				List.of(ExportFixtures.row("Xã Tam Sơn", new BigDecimal("87.50"))));
		ReportDocument document = withTables(List.of(rates));
		try (XSSFWorkbook workbook = read(this.exporter.write(document))) {
			XSSFCell rate = workbook.getSheetAt(1).getRow(2).getCell(1);
			assertThat(rate.getNumericCellValue()).isEqualTo(87.5);
			assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
		}
	}

	@Test
	void freezesTheHeaderAndSizesTheColumnsToTheirContent() throws IOException {
		try (XSSFWorkbook workbook = read(this.exporter.write(ExportFixtures.tamSon()))) {
			XSSFSheet figures = workbook.getSheetAt(1);
			PaneInformation pane = figures.getPaneInformation();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 2);
			assertThat(pane.getVerticalSplitPosition()).isZero();

			int activityChars = "HD11 Tin bài CCHC trên Trang thông tin điện tử xã".length();
			assertThat(figures.getColumnWidth(1)).isGreaterThanOrEqualTo(activityChars * 256);
			assertThat(figures.getColumnWidth(4)).isGreaterThanOrEqualTo("5.500.000".length() * 256);
			assertThat(figures.getColumnWidth(0)).isLessThan(figures.getColumnWidth(1) / 3);
		}
	}

	@Test
	void makesRowsOfWrappedTextTallEnoughForTheirLines() throws IOException {
		try (XSSFWorkbook workbook = read(this.exporter.write(ExportFixtures.tamSon()))) {
			XSSFSheet info = workbook.getSheet("Thông tin");
			Row recipients = value(info, "Nơi nhận").getRow();
			// five lines of 12 pt
			assertThat(recipients.getHeightInPoints()).isGreaterThanOrEqualTo(5 * 12);
			assertThat(value(info, "Số").getRow().getHeightInPoints()).isLessThan(2 * 12);
		}
		assertThat(XlsxExporter.wrappedLines("một hai ba", 100)).isEqualTo(1);
		assertThat(XlsxExporter.wrappedLines("một hai ba\nbốn", 100)).isEqualTo(2);
		assertThat(XlsxExporter.wrappedLines("một hai ba bốn năm sáu bảy tám", 12)).isEqualTo(4);
	}

	@Test
	void givesTablesOfTheSameTitleDistinctSheetNames() throws IOException {
		Table figures = ExportFixtures.figures();
		Table info = new Table("Thông tin", List.of("Đơn vị"), List.of(ExportFixtures.row("Xã Tam Sơn")));
		try (XSSFWorkbook workbook = read(this.exporter.write(withTables(List.of(figures, figures, info))))) {
			assertThat(workbook.getSheetName(1)).isEqualTo("Biểu 01. Kết quả thực hiện các");
			assertThat(workbook.getSheetName(2)).isEqualTo("Biểu 01. Kết quả thực hiện (2)");
			assertThat(workbook.getSheetName(3)).isEqualTo("Thông tin (2)");
		}
	}

	private static ReportDocument withTables(List<Table> tables) {
		ReportDocument tamSon = ExportFixtures.tamSon();
		return new ReportDocument(tamSon.superiorName(), tamSon.issuerName(), tamSon.number(), tamSon.place(),
				tamSon.date(), tamSon.title(), tamSon.subtitle(), tamSon.sections(), tables, tamSon.recipients(),
				tamSon.signerTitle(), tamSon.signerName());
	}

	/**
	 * The cell right of the label in column A, or {@code null} if there is no such label.
	 */
	private static XSSFCell value(XSSFSheet sheet, String label) {
		for (Row row : sheet) {
			Cell first = row.getCell(0);
			if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
				return (XSSFCell) row.getCell(1);
			}
		}
		return null;
	}

	private static XSSFWorkbook read(byte[] bytes) throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

}
