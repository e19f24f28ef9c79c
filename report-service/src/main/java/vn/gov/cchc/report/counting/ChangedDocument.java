package vn.gov.cchc.report.counting;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.report.figures.Tally;

/**
 * A change of a read-model document as the counting emits it: for the figures of a unit,
 * plan and month, the whole state of each day and activity that changed; for a unit's
 * totals, their whole state. With the document's version; writing it twice changes
 * nothing.
 *
 * @param kind which collection it belongs to
 * @param unitCode the unit
 * @param planId the plan, for figures
 * @param month the month ({@code yyyy-MM}), for figures
 * @param version how many times the document was emitted, counting this one
 * @param days for figures, per day of the month ({@code dd}) and activity, the figures of
 * what changed since the last emission
 * @param totals for totals, the unit's totals
 */
record ChangedDocument(Kind kind, String unitCode, @Nullable String planId, @Nullable String month, long version,
		Map<String, Map<String, Tally>> days, @Nullable Tally totals) {

	/** The document's id in its collection. */
	String id() {
		return (this.kind == Kind.TOTALS) ? this.unitCode : this.unitCode + "|" + this.planId + "|" + this.month;
	}

	enum Kind {

		FIGURES, TOTALS

	}

}
