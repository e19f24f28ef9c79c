package vn.gov.cchc.report.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFieldRun;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

import org.springframework.stereotype.Component;

/**
 * Writes a report as a Word document laid out as Decree 30/2020/NĐ-CP (Appendix I) wants
 * an administrative document: A4, Times New Roman, the two-column header with the issuing
 * body and the national motto, the date line, the centred title, justified narrative, and
 * the footer with "Nơi nhận" beside the signature block.
 *
 * <p>
 * The header and the footer are borderless tables, as in the templates officials use:
 * that keeps the two columns side by side in Word and in LibreOffice alike, where tab
 * stops or text frames drift. The tables of figures come before the footer, because the
 * signature closes everything the report says.
 */
@Component
public class DocxExporter implements ReportExporter {

	static final String FONT = "Times New Roman";

	static final int PAGE_WIDTH = 11906;

	static final int PAGE_HEIGHT = 16838;

	static final int MARGIN_TOP = twips(20);

	static final int MARGIN_BOTTOM = twips(20);

	static final int MARGIN_LEFT = twips(30);

	static final int MARGIN_RIGHT = twips(15);

	static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

	/**
	 * The issuer's column is narrower: the national motto needs about 100 mm at 13 pt.
	 */
	private static final int HEADER_LEFT = twips(65);

	private static final int FOOTER_LEFT = twips(80);

	private static final int FIRST_LINE_INDENT = twips(12.7);

	/** 6 pt, the least space between paragraphs the decree allows. */
	private static final int PARAGRAPH_SPACING = 120;

	/** Room for the signature and the seal between the signer's title and name. */
	private static final int SIGNATURE_ROOM = twips(30);

	private static final int BODY_SIZE = 14;

	private static final int HEADER_SIZE = 13;

	@Override
	public ExportFormat format() {
		return ExportFormat.DOCX;
	}

	@Override
	public byte[] write(ReportDocument document) {
		try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			pageSetup(docx);
			header(docx, document);
			titleBlock(docx, document);
			for (Section section : document.sections()) {
				section(docx, section);
			}
			for (Table table : document.tables()) {
				figures(docx, table);
			}
			footer(docx, document);
			docx.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the DOCX of report " + document.number(), ex);
		}
	}

	/**
	 * A4 with the decree's margins, Times New Roman and Vietnamese as defaults (so that
	 * Word checks the spelling in Vietnamese), and page numbers centred in the top margin
	 * from the second page on, as the decree places them.
	 */
	private static void pageSetup(XWPFDocument docx) {
		CTBody body = docx.getDocument().getBody();
		CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
		CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
		size.setW(BigInteger.valueOf(PAGE_WIDTH));
		size.setH(BigInteger.valueOf(PAGE_HEIGHT));
		CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(MARGIN_TOP));
		margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
		margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
		margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
		margins.setHeader(BigInteger.valueOf(twips(10)));
		margins.setFooter(BigInteger.valueOf(twips(10)));
		margins.setGutter(BigInteger.ZERO);

		XWPFStyles styles = docx.createStyles();
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(FONT);
		fonts.setHAnsi(FONT);
		fonts.setCs(FONT);
		fonts.setEastAsia(FONT);
		styles.setDefaultFonts(fonts);
		styles.setSpellingLanguage("vi-VN");

		XWPFHeader numbered = docx.createHeader(HeaderFooterType.DEFAULT);
		XWPFParagraph number = numbered.createParagraph();
		number.setAlignment(ParagraphAlignment.CENTER);
		XWPFFieldRun page = number.createFieldRun();
		page.setFieldInstruction("PAGE");
		format(page, HEADER_SIZE, EnumSet.noneOf(Emphasis.class));
		page.setText("1");
		// the first page's header stays empty: the decree shows no number on page one
		docx.createHeader(HeaderFooterType.FIRST).createParagraph();
	}

	private static void header(XWPFDocument docx, ReportDocument document) {
		XWPFTable header = DocxTableLayout.borderless(docx, 2, HEADER_LEFT, TEXT_WIDTH - HEADER_LEFT);

		XWPFTableCell issuer = header.getRow(0).getCell(0);
		if (document.superiorName() != null) {
			lines(issuer, VietnameseText.upper(document.superiorName()), HEADER_SIZE, Set.of());
		}
		lines(issuer, VietnameseText.upper(document.issuerName()), HEADER_SIZE, Set.of(Emphasis.BOLD));
		rule(issuer.addParagraph(), HEADER_LEFT, HEADER_LEFT / 3);

		XWPFTableCell nation = header.getRow(0).getCell(1);
		lines(nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEADER_SIZE, Set.of(Emphasis.BOLD));
		lines(nation, "Độc lập - Tự do - Hạnh phúc", BODY_SIZE, Set.of(Emphasis.BOLD, Emphasis.UNDERLINE));

		lines(header.getRow(1).getCell(0), "Số: " + document.number(), HEADER_SIZE, Set.of());
		lines(header.getRow(1).getCell(1), VietnameseText.dateLine(document.place(), document.date()), BODY_SIZE,
				Set.of(Emphasis.ITALIC));
		for (XWPFTableRow row : header.getRows()) {
			for (XWPFTableCell cell : row.getTableCells()) {
				cell.removeParagraph(0);
			}
		}
		// the number and the date line side by side, a little below the names
		for (XWPFTableCell cell : header.getRow(1).getTableCells()) {
			cell.getParagraphs().get(0).setSpacingBefore(PARAGRAPH_SPACING);
		}
	}

	private static void titleBlock(XWPFDocument docx, ReportDocument document) {
		XWPFParagraph title = centred(docx.createParagraph());
		title.setSpacingBefore(2 * 240);
		text(title, VietnameseText.upper(document.title()), BODY_SIZE, Set.of(Emphasis.BOLD));
		for (String line : document.subtitle().split("\n")) {
			text(centred(docx.createParagraph()), line, BODY_SIZE, Set.of(Emphasis.BOLD));
		}
		XWPFParagraph rule = docx.createParagraph();
		rule(rule, TEXT_WIDTH, TEXT_WIDTH / 3);
		rule.setSpacingAfter(2 * PARAGRAPH_SPACING);
	}

	private static void section(XWPFDocument docx, Section section) {
		XWPFParagraph heading = body(docx.createParagraph());
		heading.setKeepNext(true);
		text(heading, section.heading(), BODY_SIZE, Set.of(Emphasis.BOLD));
		for (String paragraph : section.paragraphs()) {
			text(body(docx.createParagraph()), paragraph, BODY_SIZE, Set.of());
		}
	}

	private static void figures(XWPFDocument docx, Table figures) {
		XWPFParagraph title = centred(docx.createParagraph());
		title.setSpacingBefore(2 * PARAGRAPH_SPACING);
		title.setSpacingAfter(PARAGRAPH_SPACING);
		title.setKeepNext(true);
		text(title, figures.title(), BODY_SIZE, Set.of(Emphasis.BOLD));

		int[] widths = DocxTableLayout.columnWidths(figures);
		XWPFTable table = docx.createTable(figures.rows().size() + 1, widths.length);
		DocxTableLayout.layout(table, widths);
		table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
		table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
		table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
		table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
		table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
		table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");

		XWPFTableRow header = table.getRow(0);
		// a table longer than a page repeats its headings on every page
		header.setRepeatHeader(true);
		header.setCantSplitRow(true);
		for (int c = 0; c < widths.length; c++) {
			XWPFTableCell cell = header.getCell(c);
			cell.setVerticalAlignment(XWPFVertAlign.CENTER);
			cell.setColor("D9D9D9");
			text(centred(cell.getParagraphs().get(0)), figures.columns().get(c), HEADER_SIZE, Set.of(Emphasis.BOLD));
		}
		for (int r = 0; r < figures.rows().size(); r++) {
			XWPFTableRow row = table.getRow(r + 1);
			row.setCantSplitRow(true);
			List<@Nullable Object> cells = figures.rows().get(r);
			for (int c = 0; c < cells.size(); c++) {
				Object value = cells.get(c);
				XWPFTableCell cell = row.getCell(c);
				cell.setVerticalAlignment(XWPFVertAlign.CENTER);
				XWPFParagraph paragraph = cell.getParagraphs().get(0);
				paragraph.setAlignment((value instanceof String || value == null) ? ParagraphAlignment.LEFT
						: ParagraphAlignment.RIGHT);
				text(paragraph, VietnameseText.cell(value), HEADER_SIZE, Set.of());
			}
		}
	}

	private static void footer(XWPFDocument docx, ReportDocument document) {
		docx.createParagraph().setSpacingAfter(PARAGRAPH_SPACING);
		XWPFTable footer = DocxTableLayout.borderless(docx, 1, FOOTER_LEFT, TEXT_WIDTH - FOOTER_LEFT);
		// the signature block is never split from "Nơi nhận" by a page break
		footer.getRow(0).setCantSplitRow(true);

		XWPFTableCell recipients = footer.getRow(0).getCell(0);
		XWPFParagraph label = recipients.addParagraph();
		text(label, "Nơi nhận:", 12, Set.of(Emphasis.BOLD, Emphasis.ITALIC));
		for (String line : VietnameseText.recipientLines(document.recipients())) {
			XWPFParagraph paragraph = recipients.addParagraph();
			paragraph.setSpacingAfter(0);
			text(paragraph, line, 11, Set.of());
		}

		XWPFTableCell signer = footer.getRow(0).getCell(1);
		lines(signer, VietnameseText.upper(document.signerTitle()), BODY_SIZE, Set.of(Emphasis.BOLD));
		XWPFParagraph name = centred(signer.addParagraph());
		name.setSpacingBefore(SIGNATURE_ROOM);
		if (document.signerName() != null) {
			text(name, document.signerName(), BODY_SIZE, Set.of(Emphasis.BOLD));
		}
		recipients.removeParagraph(0);
		signer.removeParagraph(0);
		// a document ends with a paragraph, not a table, or Word adds one when it opens
		// it
		docx.createParagraph();
	}

	/** Adds a centred paragraph per line of {@code text} to the cell. */
	private static void lines(XWPFTableCell cell, String text, int size, Set<Emphasis> emphases) {
		for (String line : text.split("\n")) {
			XWPFParagraph paragraph = centred(cell.addParagraph());
			text(paragraph, line, size, emphases);
		}
	}

	/**
	 * The short solid rule the decree draws under the issuer's name and under the
	 * subject: the bottom border of an empty paragraph a few points high, indented from
	 * both sides to the rule's length.
	 */
	private static void rule(XWPFParagraph paragraph, int available, int length) {
		centred(paragraph);
		int indent = Math.max((available - length) / 2, 0);
		paragraph.setIndentationLeft(indent);
		paragraph.setIndentationRight(indent);
		// a 0.75 pt line in the text colour, spelled out rather than left to each
		// reader's default
		CTPPr properties = (paragraph.getCTP().getPPr() != null) ? paragraph.getCTP().getPPr()
				: paragraph.getCTP().addNewPPr();
		CTBorder bottom = (properties.isSetPBdr() ? properties.getPBdr() : properties.addNewPBdr()).addNewBottom();
		bottom.setVal(STBorder.SINGLE);
		bottom.setSz(BigInteger.valueOf(6));
		bottom.setSpace(BigInteger.ZERO);
		bottom.setColor("auto");
		paragraph.setSpacingBetween(6, LineSpacingRule.EXACT);
	}

	private static XWPFParagraph centred(XWPFParagraph paragraph) {
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		paragraph.setSpacingAfter(0);
		return paragraph;
	}

	private static XWPFParagraph body(XWPFParagraph paragraph) {
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		paragraph.setIndentationFirstLine(FIRST_LINE_INDENT);
		paragraph.setSpacingAfter(PARAGRAPH_SPACING);
		paragraph.setSpacingBetween(1.0);
		return paragraph;
	}

	private static XWPFRun text(XWPFParagraph paragraph, String text, int size, Set<Emphasis> emphases) {
		XWPFRun run = paragraph.createRun();
		format(run, size, emphases);
		run.setText(text);
		return run;
	}

	private static void format(XWPFRun run, int size, Set<Emphasis> emphases) {
		run.setFontFamily(FONT);
		run.setFontSize(size);
		run.setBold(emphases.contains(Emphasis.BOLD));
		run.setItalic(emphases.contains(Emphasis.ITALIC));
		if (emphases.contains(Emphasis.UNDERLINE)) {
			run.setUnderline(UnderlinePatterns.SINGLE);
		}
	}

	private static int twips(double millimetres) {
		// rounded up, so that a margin is never a hair below the decree's least
		return (int) Math.ceil(millimetres * 1440 / 25.4);
	}

	private enum Emphasis {

		BOLD, ITALIC, UNDERLINE

	}

}
