package vn.gov.cchc.report.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figures document: a unit's figures for one plan and calendar month, per day and
 * activity.
 *
 * @param unitCode the unit
 * @param planId the plan
 * @param month the calendar month
 * @param days per day, per activity id, the figures
 */
public record MonthFigures(String unitCode, String planId, YearMonth month, Map<LocalDate, Map<String, Tally>> days) {

	public MonthFigures {
		days = new TreeMap<>(days);
	}

	/** The document's id. */
	public String id() {
		return Figures.documentId(this.unitCode, this.planId, this.month);
	}

}
