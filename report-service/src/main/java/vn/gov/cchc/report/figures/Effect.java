package vn.gov.cchc.report.figures;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What one ledger entry adds to (or, negative, takes from) the figures of one unit for
 * one plan, activity and day. A fact has one effect per unit of its roll-up path; a
 * correction has the negated effects of the version it replaces and the effects of the
 * new one.
 *
 * @param unitCode the unit whose figures change
 * @param planId the plan
 * @param activityId the plan's activity
 * @param date the day the work was done
 * @param tally the signed change
 */
public record Effect(String unitCode, String planId, String activityId, LocalDate date, Tally tally) {

	/** The same change, taken back. */
	public Effect negated() {
		return new Effect(this.unitCode, this.planId, this.activityId, this.date, this.tally.negated());
	}

	/** The id of the figures document this effect changes. */
	public String documentId() {
		return Figures.documentId(this.unitCode, this.planId, YearMonth.from(this.date));
	}

}
