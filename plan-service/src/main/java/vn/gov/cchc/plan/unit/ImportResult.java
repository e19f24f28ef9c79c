package vn.gov.cchc.plan.unit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.web.FieldError;

/**
 * What a {@code POST /api/v1/units:import} did: the accepted rows counted as {@code PUT}
 * counts them, and every rejected row with its reasons.
 *
 * @param registered new units ({@code UnitRegistered} published)
 * @param changed known units whose state differed ({@code UnitChanged} published)
 * @param unchanged known units sent in exactly their state (nothing published)
 * @param rejected the rows not imported, in file order
 */
record ImportResult(int registered, int changed, int unchanged, List<RejectedRow> rejected) {

	/**
	 * A row that was not imported.
	 *
	 * @param row for CSV, the record's number in the file with the header as 1 (the row a
	 * spreadsheet shows); for JSON, the element's index in the array
	 * @param code the row's unit code, if it had one
	 * @param errors why: the column (CSV) or JSON path inside the element, and the reason
	 */
	record RejectedRow(int row, @Nullable String code, List<FieldError> errors) {

	}

}
