package vn.gov.cchc.report.counting;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.report.figures.Tally;

/**
 * A read-model document's whole state as the counting emits it when it changed: the
 * figures of a unit, plan and month, or a unit's totals. Whole state with a version, so
 * that writing it twice, or an older one after a newer, is harmless to detect.
 *
 * @param kind which collection it belongs to
 * @param unitCode the unit
 * @param planId the plan, for figures
 * @param month the month ({@code yyyy-MM}), for figures
 * @param version how many times the document was emitted, counting this one
 * @param changedDays the days of the month whose figures changed since the last emission
 * @param days for figures, per day of the month ({@code dd}) and activity, the figures
 * @param totals for totals, the unit's totals
 */
record ChangedDocument(Kind kind, String unitCode, @Nullable String planId, @Nullable String month, long version,
		List<Integer> changedDays, Map<String, Map<String, Tally>> days, @Nullable Tally totals) {

	/** The document's id in its collection. */
	String id() {
		return (this.kind == Kind.TOTALS) ? this.unitCode : this.unitCode + "|" + this.planId + "|" + this.month;
	}

	enum Kind {

		FIGURES, TOTALS

	}

}
