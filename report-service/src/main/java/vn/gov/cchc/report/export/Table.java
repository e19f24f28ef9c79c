package vn.gov.cchc.report.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A table of figures (biểu số liệu) of the report.
 *
 * <p>
 * A cell is a {@link String}, an {@link Integer}, a {@link Long} or a {@link BigDecimal},
 * or {@code null} where the source leaves the figure blank (a blank is not a zero in
 * these reports: it means not reported). Numbers are kept as numbers so that the XLSX
 * export can write numeric cells that officials can sum, while the DOCX export prints
 * them with Vietnamese digit grouping.
 *
 * @param title the title printed above the table
 * @param columns the column headings
 * @param rows the rows, each with exactly one cell per column
 */
public record Table(String title, List<String> columns, List<List<@Nullable Object>> rows) {

	public Table {
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Table '" + title + "' needs at least one column");
		}
		columns = List.copyOf(columns);
		List<List<@Nullable Object>> copied = new ArrayList<>(rows.size());
		for (int r = 0; r < rows.size(); r++) {
			List<@Nullable Object> row = rows.get(r);
			if (row.size() != columns.size()) {
				throw new IllegalArgumentException("Row " + (r + 1) + " of table '" + title + "' has " + row.size()
						+ " cells for " + columns.size() + " columns");
			}
			for (int c = 0; c < row.size(); c++) {
				Object cell = row.get(c);
				if (cell != null && !isAllowed(cell)) {
					throw new IllegalArgumentException("Cell " + (r + 1) + "/" + (c + 1) + " of table '" + title
							+ "' is a " + cell.getClass().getName() + "; use String, Integer, Long or BigDecimal");
				}
			}
			// List.copyOf refuses nulls, and a blank cell is a null
			copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
		}
		rows = Collections.unmodifiableList(copied);
	}

	private static boolean isAllowed(Object cell) {
		return cell instanceof String || cell instanceof Integer || cell instanceof Long || cell instanceof BigDecimal;
	}

}
