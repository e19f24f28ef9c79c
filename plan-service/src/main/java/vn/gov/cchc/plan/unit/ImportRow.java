package vn.gov.cchc.plan.unit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.web.FieldError;

/**
 * One row of an import, as read from the file.
 *
 * @param row its number in the file (see {@link ImportResult.RejectedRow#row()})
 * @param code its unit code, if it had a readable one
 * @param request the unit, or {@code null} if the row could not be read at all
 * @param errors what could not be read (a cell of the wrong form, a value of the wrong
 * JSON type), by column or path inside the row
 */
record ImportRow(int row, @Nullable String code, @Nullable UnitRequest request, List<FieldError> errors) {

}
