package vn.gov.cchc.report.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Published inside this instance after the counting wrote a changed figures document to
 * the read model (one per document and flush, however many facts changed it): the live
 * dashboard stream pushes it, and submissions learn that a fact arrived for a period they
 * have frozen. Not published for a duplicate.
 *
 * @param changeId the document and its version
 * ({@code <unit>|<plan>|<yyyy-MM>@<version>}): the same write seen twice has the same id
 * @param planId the plan whose figures changed
 * @param unitCodes the units whose figures changed
 * @param dates the days whose figures changed
 * @param at when it was written
 */
public record FiguresChanged(String changeId, String planId, Set<String> unitCodes, Set<LocalDate> dates, Instant at) {

	public FiguresChanged {
		unitCodes = Set.copyOf(unitCodes);
		dates = Set.copyOf(dates);
	}

}
