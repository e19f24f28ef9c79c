package vn.gov.cchc.report.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DOCX export read back with POI: the parts of the Decree 30/2020/NĐ-CP layout, the
 * narrative, the figures with Vietnamese grouping, the recipients and the signer.
 */
class DocxExporterTests {

	private final DocxExporter exporter = new DocxExporter();

	@Test
	void writesTheHeaderWithTheIssuerTheNationalMottoTheNumberAndTheDateLine() throws IOException {
		try (XWPFDocument docx = read(this.exporter.write(ExportFixtures.tamSon()))) {
			XWPFTable header = docx.getTables().get(0);
			assertThat(docx.getBodyElements().get(0)).isSameAs(header);
			assertThat(header.getCTTbl().getTblPr().getTblBorders()).isNull();

			List<XWPFParagraph> issuer = header.getRow(0).getCell(0).getParagraphs();
			assertThat(issuer.get(0).getText()).isEqualTo("ỦY BAN NHÂN DÂN XÃ TAM SƠN");
			assertThat(run(issuer.get(0)).isBold()).isTrue();
			assertThat(issuer.get(1).getText()).isEmpty();
			assertThat(issuer.get(1).getCTP().getPPr().getPBdr().getBottom()).isNotNull();

			List<XWPFParagraph> nation = header.getRow(0).getCell(1).getParagraphs();
			assertThat(nation).extracting(XWPFParagraph::getText)
				.containsExactly("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
			assertThat(run(nation.get(0)).isBold()).isTrue();
			assertThat(run(nation.get(1)).isBold()).isTrue();
			assertThat(run(nation.get(1)).getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);

			assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số: 15/BC-UBND");
			XWPFParagraph dateLine = header.getRow(1).getCell(1).getParagraphs().get(0);
			assertThat(dateLine.getText()).isEqualTo("Bắc Ninh, ngày 10 tháng 6 năm 2022");
			assertThat(run(dateLine).isItalic()).isTrue();
		}
	}

	@Test
	void putsTheGoverningBodyAboveTheIssuerAndWritesDatesWithTheDecreesLeadingZeros() throws IOException {
		try (XWPFDocument docx = read(this.exporter.write(ExportFixtures.provinceDepartment()))) {
			XWPFTable header = docx.getTables().get(0);
			List<XWPFParagraph> issuer = header.getRow(0).getCell(0).getParagraphs();
			assertThat(issuer.get(0).getText()).isEqualTo("UBND TỈNH BẮC NINH");
			assertThat(run(issuer.get(0)).isBold()).isFalse();
			assertThat(issuer.get(1).getText()).isEqualTo("SỞ NỘI VỤ");
			assertThat(run(issuer.get(1)).isBold()).isTrue();
			assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số: …/BC-SNV");
			assertThat(header.getRow(1).getCell(1).getText()).isEqualTo("Bắc Ninh, ngày 05 tháng 02 năm 2022");
		}
	}

	@Test
	void usesA4TheDecreesMarginsAndTimesNewRoman() throws IOException {
		try (XWPFDocument docx = read(this.exporter.write(ExportFixtures.tamSon()))) {
			CTSectPr section = docx.getDocument().getBody().getSectPr();
			assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
			assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
			CTPageMar margins = section.getPgMar();
			assertThat(millimetres(margins.getTop())).isBetween(20.0, 25.0);
			assertThat(millimetres(margins.getBottom())).isBetween(20.0, 25.0);
			assertThat(millimetres(margins.getLeft())).isBetween(30.0, 35.0);
			assertThat(millimetres(margins.getRight())).isBetween(15.0, 20.0);

			for (XWPFParagraph paragraph : docx.getParagraphs()) {
				for (XWPFRun run : paragraph.getRuns()) {
					assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
				}
			}
			assertThat(docx.getStyles().getDefaultRunStyle().getRPr().getLangArray(0).getVal()).isEqualTo("vi-VN");
		}
	}

	@Test
	void centresTheTitleAndSubjectAndJustifiesTheNarrativeWithAFirstLineIndent() throws IOException {
		try (XWPFDocument docx = read(this.exporter.write(ExportFixtures.tamSon()))) {
			XWPFParagraph title = paragraph(docx, "BÁO CÁO");
			assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			assertThat(run(title).isBold()).isTrue();
			XWPFParagraph subject = paragraph(docx,
					"Kết quả công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2022");
			assertThat(subject.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			assertThat(run(subject).isBold()).isTrue();

			XWPFParagraph heading = paragraph(docx, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
			assertThat(run(heading).isBold()).isTrue();
			XWPFParagraph narrative = paragraph(docx, ExportFixtures.BROADCASTS_SENTENCE);
			assertThat(narrative.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
			assertThat(narrative.getIndentationFirstLine()).isGreaterThan(0);
			assertThat(run(narrative).isBold()).isFalse();
			assertThat(run(narrative).getFontSizeAsDouble()).isEqualTo(14.0);

			List<String> texts = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			assertThat(texts).containsSubsequence("I. KẾT QUẢ THỰC HIỆN", ExportFixtures.BROADCASTS_SENTENCE,
					"II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", ExportFixtures.SHORTCOMING_SENTENCE,
					"III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ");
		}
	}

	@Test
	void writesTheFiguresWithTheirTitleABoldHeaderBordersAndVietnameseGrouping() throws IOException {
		try (XWPFDocument docx = read(this.exporter.write(ExportFixtures.tamSon()))) {
			XWPFTable figures = docx.getTables().get(1);
			int index = docx.getBodyElements().indexOf(figures);
			assertThat(((XWPFParagraph) docx.getBodyElements().get(index - 1)).getText())
				.isEqualTo(ExportFixtures.FIGURES_TITLE);
			assertThat(figures.getCTTbl().getTblPr().getTblBorders().getInsideH()).isNotNull();

			assertThat(figures.getRow(0).getTableCells()).extracting(XWPFTableCell::getText)
				.containsExactly("STT", "Hoạt động", "Số buổi", "Thời lượng (phút)", "Kinh phí (đồng)");
			assertThat(run(figures.getRow(0).getCell(1).getParagraphs().get(0)).isBold()).isTrue();
			assertThat(figures.getRow(0).isRepeatHeader()).isTrue();

			assertThat(figures.getRow(1).getTableCells()).extracting(XWPFTableCell::getText)
				.containsExactly("1", "HD07 Phát thanh chuyên mục CCHC", "24", "360", "1.500.000");
			assertThat(figures.getRow(1).getCell(4).getParagraphs().get(0).getAlignment())
				.isEqualTo(ParagraphAlignment.RIGHT);
			assertThat(figures.getRow(2).getTableCells()).extracting(XWPFTableCell::getText)
				.containsExactly("2", "HD03 Hội nghị tuyên truyền CCHC", "2", "", "3.250.000");
			assertThat(figures.getRow(3).getCell(4).getText()).isEqualTo("750.000");
			assertThat(figures.getRow(4).getTableCells()).extracting(XWPFTableCell::getText)
				.containsExactly("", "Tổng cộng", "41", "360", "5.500.000");
		}
	}

	@Test
	void givesTheActivityRoomAndKeepsFiguresOnOneLine() {
		int[] widths = DocxTableLayout.columnWidths(ExportFixtures.figures());

		assertThat(widths[0] + widths[1] + widths[2] + widths[3] + widths[4])
			.isEqualTo(11906 - DocxExporter.MARGIN_LEFT - DocxExporter.MARGIN_RIGHT);
		assertThat(widths[1]).isGreaterThan(widths[0] + widths[2] + widths[3]);
		// "1.500.000" is nine characters of about 145 twips, plus the cell margins
		assertThat(widths[4]).isGreaterThanOrEqualTo(9 * 145 + 2 * 108);
	}

	@Test
	void endsWithRecipientsAndTheArchiveLineBesideTheSignerInABorderlessTable() throws IOException {
		try (XWPFDocument docx = read(this.exporter.write(ExportFixtures.tamSon()))) {
			XWPFTable footer = docx.getTables().get(docx.getTables().size() - 1);
			assertThat(footer.getCTTbl().getTblPr().getTblBorders()).isNull();
			List<XWPFParagraph> recipients = footer.getRow(0).getCell(0).getParagraphs();
			assertThat(recipients).extracting(XWPFParagraph::getText)
				.containsExactly("Nơi nhận:", "- UBND thị xã Từ Sơn;", "- Phòng Nội vụ thị xã;",
						"- TT Đảng ủy, HĐND xã;", "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT.");
			assertThat(run(recipients.get(0)).isBold()).isTrue();
			assertThat(run(recipients.get(0)).isItalic()).isTrue();

			List<XWPFParagraph> signer = footer.getRow(0).getCell(1).getParagraphs();
			assertThat(signer).extracting(XWPFParagraph::getText).containsExactly("CHỦ TỊCH", "Nguyễn Văn Hùng");
			assertThat(run(signer.get(0)).isBold()).isTrue();
			assertThat(run(signer.get(1)).isBold()).isTrue();
			assertThat(signer.get(1).getSpacingBefore()).as("room for the signature").isGreaterThanOrEqualTo(1440);
			assertThat(docx.getBodyElements().get(docx.getBodyElements().size() - 1).getElementType())
				.isEqualTo(BodyElementType.PARAGRAPH);
		}
	}

	@Test
	void signsOnBehalfOnTwoLinesAndLeavesAnUnnamedSignerBlank() throws IOException {
		try (XWPFDocument docx = read(this.exporter.write(ExportFixtures.provinceDepartment()))) {
			XWPFTable footer = docx.getTables().get(docx.getTables().size() - 1);
			assertThat(footer.getRow(0).getCell(1).getParagraphs()).extracting(XWPFParagraph::getText)
				.containsExactly("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "");
			assertThat(footer.getRow(0).getCell(0).getParagraphs()).extracting(XWPFParagraph::getText)
				.containsExactly("Nơi nhận:", "- Bộ Nội vụ;", "- UBND tỉnh;", "- Lưu: VT.");
		}
	}

	@Test
	void numbersPagesFromTheSecondPageInTheTopMargin() throws IOException {
		try (XWPFDocument docx = read(this.exporter.write(ExportFixtures.tamSon()))) {
			assertThat(docx.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
			assertThat(docx.getHeaderFooterPolicy()
				.getDefaultHeader()
				.getParagraphs()
				.get(0)
				.getCTP()
				.getFldSimpleArray(0)
				.getInstr()).isEqualTo("PAGE");
			assertThat(docx.getHeaderFooterPolicy().getFirstPageHeader().getText()).isBlank();
		}
	}

	private static XWPFDocument read(byte[] bytes) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(bytes));
	}

	private static XWPFParagraph paragraph(XWPFDocument docx, String text) {
		return docx.getParagraphs()
			.stream()
			.filter((paragraph) -> paragraph.getText().equals(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No paragraph '" + text + "'"));
	}

	private static XWPFRun run(XWPFParagraph paragraph) {
		assertThat(paragraph.getRuns()).isNotEmpty();
		return paragraph.getRuns().get(0);
	}

	private static double millimetres(Object twips) {
		return new BigInteger(twips.toString()).doubleValue() * 25.4 / 1440;
	}

}
