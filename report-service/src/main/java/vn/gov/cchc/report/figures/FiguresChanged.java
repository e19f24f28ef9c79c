package vn.gov.cchc.report.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Published inside this instance after a ledger entry changed figures: the live dashboard
 * stream pushes it, and submissions learn that a fact arrived for a period they have
 * frozen. Not published for a duplicate.
 *
 * @param eventId the ledger entry
 * @param planId the plan whose figures changed
 * @param unitCodes the units whose figures changed
 * @param dates the days whose figures changed
 * @param at when it was applied
 */
public record FiguresChanged(String eventId, String planId, Set<String> unitCodes, Set<LocalDate> dates, Instant at) {

	public FiguresChanged {
		unitCodes = Set.copyOf(unitCodes);
		dates = Set.copyOf(dates);
	}

}
