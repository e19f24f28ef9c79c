package vn.gov.cchc.report.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Writes a report as a workbook: a first sheet "Thông tin" with what identifies the
 * report and its narrative, then one sheet per table of figures. Figures are numeric
 * cells with a {@code #,##0} format, so that a province can add up its communes' sheets
 * and Excel or LibreOffice shows the grouping of the reader's locale ({@code 1.500.000}
 * in Vietnamese).
 *
 * <p>
 * Reports have tens of rows per table, so a plain {@link XSSFWorkbook} is enough; the
 * streaming workbook would only cost the ability to size the columns at the end.
 */
@Component
public class XlsxExporter implements ReportExporter {

	static final String INFO_SHEET = "Thông tin";

	static final String NUMBER_FORMAT = "#,##0";

	static final String DATE_FORMAT = "dd/mm/yyyy";

	private static final String FONT = "Times New Roman";

	/** Excel's limit for a column, in characters. */
	private static final int MAX_COLUMN_CHARS = 60;

	private static final int MIN_COLUMN_CHARS = 8;

	private static final int NARRATIVE_COLUMN_CHARS = 100;

	/** A line of text as a multiple of the font size, as spreadsheet rows have it. */
	private static final float LINE_HEIGHT = 1.3f;

	@Override
	public ExportFormat format() {
		return ExportFormat.XLSX;
	}

	@Override
	public byte[] write(ReportDocument document) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			info(workbook.createSheet(INFO_SHEET), document, styles);
			for (Table table : document.tables()) {
				figures(workbook.createSheet(sheetName(workbook, table.title())), table, styles);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the XLSX of report " + document.number(), ex);
		}
	}

	private static void info(XSSFSheet sheet, ReportDocument document, Styles styles) {
		int r = 0;
		if (document.superiorName() != null) {
			r = labelled(sheet, r, "Cơ quan chủ quản", oneLine(document.superiorName()), styles);
		}
		r = labelled(sheet, r, "Cơ quan ban hành", oneLine(document.issuerName()), styles);
		r = labelled(sheet, r, "Số", document.number(), styles);
		Row dateRow = sheet.createRow(r++);
		text(dateRow, 0, "Ngày", styles.label);
		Cell date = dateRow.createCell(1);
		date.setCellValue(document.date());
		date.setCellStyle(styles.date);
		r = labelled(sheet, r, "Địa danh", document.place(), styles);
		r = labelled(sheet, r, "Tên loại", VietnameseText.upper(document.title()), styles);
		r = labelled(sheet, r, "Trích yếu", oneLine(document.subtitle()), styles);
		String signer = VietnameseText.upper(oneLine(document.signerTitle()))
				+ ((document.signerName() != null) ? " - " + document.signerName() : "");
		r = labelled(sheet, r, "Người ký", signer, styles);
		r = labelled(sheet, r, "Nơi nhận", String.join("\n", VietnameseText.recipientLines(document.recipients())),
				styles);
		if (!document.sections().isEmpty()) {
			r++;
			text(sheet.createRow(r++), 0, "Nội dung", styles.label);
			for (Section section : document.sections()) {
				text(sheet.createRow(r++), 1, section.heading(), styles.heading);
				for (String paragraph : section.paragraphs()) {
					text(sheet.createRow(r++), 1, paragraph, styles.wrapped);
				}
			}
		}
		sheet.setColumnWidth(0, 22 * 256);
		sheet.setColumnWidth(1, NARRATIVE_COLUMN_CHARS * 256);
		fitHeights(sheet);
		pageSetup(sheet, false);
	}

	private static int labelled(XSSFSheet sheet, int r, String label, String value, Styles styles) {
		Row row = sheet.createRow(r);
		text(row, 0, label, styles.label);
		text(row, 1, value, styles.wrapped);
		return r + 1;
	}

	private static void figures(XSSFSheet sheet, Table table, Styles styles) {
		int columns = table.columns().size();
		text(sheet.createRow(0), 0, table.title(), styles.title);
		if (columns > 1) {
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
		}
		Row header = sheet.createRow(1);
		int[] widths = new int[columns];
		for (int c = 0; c < columns; c++) {
			String heading = table.columns().get(c);
			text(header, c, heading, styles.header);
			// headings wrap, so their longest word sets the least width
			for (String word : heading.split("\\s+")) {
				widths[c] = Math.max(widths[c], word.length());
			}
		}
		for (int r = 0; r < table.rows().size(); r++) {
			Row row = sheet.createRow(r + 2);
			List<@Nullable Object> cells = table.rows().get(r);
			for (int c = 0; c < columns; c++) {
				Object value = cells.get(c);
				Cell cell = row.createCell(c);
				if (value == null || value instanceof String) {
					cell.setCellStyle(styles.text);
					if (value != null) {
						cell.setCellValue((String) value);
					}
				}
				else {
					cell.setCellValue(number(value));
					cell.setCellStyle(styles.number(fractionDigits(value)));
				}
				widths[c] = Math.max(widths[c], VietnameseText.cell(value).length());
			}
		}
		for (int c = 0; c < columns; c++) {
			// the same allowance per character as the row heights count with
			int chars = Math.min(Math.max((int) Math.ceil(widths[c] * 1.1) + 2, MIN_COLUMN_CHARS), MAX_COLUMN_CHARS);
			sheet.setColumnWidth(c, chars * 256);
		}
		fitHeights(sheet);
		sheet.createFreezePane(0, 2);
		sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, columns - 1));
		pageSetup(sheet, columns > 5);
	}

	/** Printed on A4, as wide as one page, so a filed printout does not lose columns. */
	private static void pageSetup(XSSFSheet sheet, boolean landscape) {
		PrintSetup print = sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(landscape);
		sheet.setFitToPage(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
	}

	/**
	 * Makes each row with wrapped text tall enough for its lines. Neither POI nor
	 * LibreOffice sizes rows of an XLSX written without heights (LibreOffice opens them
	 * one line high, and the lines overlap in the PDF), and Excel does so only on edit;
	 * so the lines are counted here by wrapping the words at the column's width.
	 */
	private static void fitHeights(XSSFSheet sheet) {
		for (Row row : sheet) {
			int lines = 1;
			float points = 0;
			for (Cell cell : row) {
				CellStyle style = cell.getCellStyle();
				points = Math.max(points, sheet.getWorkbook().getFontAt(style.getFontIndex()).getFontHeightInPoints());
				if (style.getWrapText() && cell.getCellType() == CellType.STRING) {
					int columnChars = sheet.getColumnWidth(cell.getColumnIndex()) / 256;
					lines = Math.max(lines, wrappedLines(cell.getStringCellValue(), columnChars));
				}
			}
			if (lines > 1) {
				row.setHeightInPoints(lines * points * LINE_HEIGHT + 2);
			}
		}
	}

	/**
	 * How many lines a text takes in a column so many characters wide, wrapping between
	 * words. Vietnamese in Times is a little wider per character than the digit the
	 * column width is measured in, hence the margin.
	 */
	static int wrappedLines(String text, int columnChars) {
		double usable = Math.max(columnChars - 1, 1) / 1.1;
		int lines = 0;
		for (String paragraph : text.split("\n", -1)) {
			lines++;
			double used = 0;
			for (String word : paragraph.split(" ")) {
				double needed = (used == 0) ? word.length() : used + 1 + word.length();
				if (needed > usable && used > 0) {
					lines += (int) Math.ceil(word.length() / usable);
					used = word.length() % usable;
				}
				else {
					used = needed;
				}
			}
		}
		return lines;
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static double number(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal.doubleValue() : ((Number) value).longValue();
	}

	private static int fractionDigits(Object value) {
		return (value instanceof BigDecimal decimal) ? Math.min(Math.max(decimal.stripTrailingZeros().scale(), 0), 6)
				: 0;
	}

	private static String oneLine(String text) {
		return text.replace('\n', ' ');
	}

	/**
	 * A valid, unique sheet name from a table's title: Excel allows 31 characters and no
	 * {@code []:*?/\}, and compares names without regard to case.
	 */
	private static String sheetName(XSSFWorkbook workbook, String title) {
		String base = WorkbookUtil.createSafeSheetName(title);
		String name = base.strip();
		for (int n = 2; workbook.getSheetIndex(name) >= 0; n++) {
			String suffix = " (" + n + ")";
			name = base.substring(0, Math.min(base.length(), 31 - suffix.length())).strip() + suffix;
		}
		return name;
	}

	/** The workbook's cell styles, made once: a workbook holds at most 64,000 of them. */
	private static final class Styles {

		private final XSSFWorkbook workbook;

		final CellStyle label;

		final CellStyle wrapped;

		final CellStyle heading;

		final CellStyle date;

		final CellStyle title;

		final CellStyle header;

		final CellStyle text;

		private final Map<Integer, CellStyle> numbers = new HashMap<>();

		Styles(XSSFWorkbook workbook) {
			this.workbook = workbook;
			Font regular = font(false, 12);
			Font bold = font(true, 12);
			this.label = style(bold, false, false);
			this.wrapped = style(regular, true, false);
			this.heading = style(bold, true, false);
			this.date = style(regular, false, false);
			this.date.setAlignment(HorizontalAlignment.LEFT);
			this.date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
			this.title = style(font(true, 13), false, false);
			this.header = style(bold, true, true);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setVerticalAlignment(VerticalAlignment.CENTER);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.text = style(regular, true, true);
		}

		CellStyle number(int fractionDigits) {
			return this.numbers.computeIfAbsent(fractionDigits, (digits) -> {
				CellStyle style = style(this.text.getFontIndex(), false, true);
				String format = (digits == 0) ? NUMBER_FORMAT : NUMBER_FORMAT + "." + "0".repeat(digits);
				style.setDataFormat(this.workbook.createDataFormat().getFormat(format));
				style.setAlignment(HorizontalAlignment.RIGHT);
				return style;
			});
		}

		private Font font(boolean bold, int points) {
			Font font = this.workbook.createFont();
			font.setFontName(FONT);
			font.setFontHeightInPoints((short) points);
			font.setBold(bold);
			return font;
		}

		private CellStyle style(Font font, boolean wrap, boolean bordered) {
			return style(font.getIndex(), wrap, bordered);
		}

		private CellStyle style(int fontIndex, boolean wrap, boolean bordered) {
			CellStyle style = this.workbook.createCellStyle();
			style.setFont(this.workbook.getFontAt(fontIndex));
			style.setWrapText(wrap);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			if (bordered) {
				style.setBorderTop(BorderStyle.THIN);
				style.setBorderBottom(BorderStyle.THIN);
				style.setBorderLeft(BorderStyle.THIN);
				style.setBorderRight(BorderStyle.THIN);
			}
			return style;
		}

	}

}
