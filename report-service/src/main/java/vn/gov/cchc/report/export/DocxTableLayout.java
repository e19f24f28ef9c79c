package vn.gov.cchc.report.export;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * How {@link DocxExporter} lays out its tables: fixed column widths that Word and
 * LibreOffice both keep, sized so that figures and words stay whole.
 */
final class DocxTableLayout {

	/** A character of 13 pt Times New Roman, bold digits included, in twips (0.55 em). */
	private static final int CHAR_WIDTH = 145;

	/** Word's default left and right cell margin. */
	private static final int CELL_MARGIN = 108;

	private DocxTableLayout() {
	}

	/** A table without borders, as wide as the text, with two fixed columns. */
	static XWPFTable borderless(XWPFDocument docx, int rows, int left, int right) {
		XWPFTable table = docx.createTable(rows, 2);
		layout(table, new int[] { left, right });
		table.removeBorders();
		table.setCellMargins(0, 0, 0, 0);
		return table;
	}

	/**
	 * Fixes the column widths in the grid, in the table and in every cell: Word reads the
	 * cells, LibreOffice the grid, and with the layout fixed neither resizes by content.
	 */
	static void layout(XWPFTable table, int[] widths) {
		int total = IntStream.of(widths).sum();
		table.setWidthType(TableWidthType.DXA);
		table.setWidth(total);
		table.setTableAlignment(TableRowAlign.CENTER);
		CTTbl ct = table.getCTTbl();
		CTTblPr properties = (ct.getTblPr() != null) ? ct.getTblPr() : ct.addNewTblPr();
		(properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout())
			.setType(STTblLayoutType.FIXED);
		CTTblGrid grid = (ct.getTblGrid() != null) ? ct.getTblGrid() : ct.addNewTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int width : widths) {
			grid.addNewGridCol().setW(BigInteger.valueOf(width));
		}
		for (XWPFTableRow row : table.getRows()) {
			for (int c = 0; c < widths.length; c++) {
				XWPFTableCell cell = row.getCell(c);
				cell.setWidthType(TableWidthType.DXA);
				cell.setWidth(String.valueOf(widths[c]));
			}
		}
	}

	/**
	 * Column widths that keep figures and words whole and give what is left to the
	 * columns of long text, such as an activity's name. A column needs its longest figure
	 * or word (headings wrap between words); it wants its longest text on one line.
	 */
	static int[] columnWidths(Table table) {
		int columns = table.columns().size();
		int[] least = new int[columns];
		int[] wanted = new int[columns];
		for (int c = 0; c < columns; c++) {
			int leastChars = longestWord(table.columns().get(c));
			int wantedChars = 0;
			for (List<@Nullable Object> row : table.rows()) {
				String text = VietnameseText.cell(row.get(c));
				leastChars = Math.max(leastChars, (row.get(c) instanceof String) ? longestWord(text) : text.length());
				wantedChars = Math.max(wantedChars, text.length());
			}
			least[c] = charsWidth(Math.max(leastChars, 3));
			wanted[c] = Math.max(least[c], charsWidth(wantedChars));
		}
		int leastTotal = IntStream.of(least).sum();
		int wantedTotal = IntStream.of(wanted).sum();
		int[] widths = new int[columns];
		for (int c = 0; c < columns; c++) {
			if (wantedTotal <= DocxExporter.TEXT_WIDTH) {
				// room to spare goes to the columns in proportion to what they want
				widths[c] = (int) ((long) wanted[c] * DocxExporter.TEXT_WIDTH / wantedTotal);
			}
			else if (leastTotal >= DocxExporter.TEXT_WIDTH) {
				widths[c] = (int) ((long) least[c] * DocxExporter.TEXT_WIDTH / leastTotal);
			}
			else {
				long spare = DocxExporter.TEXT_WIDTH - leastTotal;
				widths[c] = least[c] + (int) (spare * (wanted[c] - least[c]) / (wantedTotal - leastTotal));
			}
		}
		widths[columns - 1] += DocxExporter.TEXT_WIDTH - IntStream.of(widths).sum();
		return widths;
	}

	private static int longestWord(String text) {
		int longest = 0;
		for (String word : text.split("\\s+")) {
			longest = Math.max(longest, word.length());
		}
		return longest;
	}

	/**
	 * About the width of so many characters of 13 pt Times, bold, with the cell margins.
	 */
	private static int charsWidth(int chars) {
		return chars * CHAR_WIDTH + 2 * CELL_MARGIN + CHAR_WIDTH;
	}

}
