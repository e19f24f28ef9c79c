package vn.gov.cchc.report.counting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.report.figures.Tally;

/**
 * What an event id left behind in the {@value FactCounter#FACTS} store: that it was
 * counted (so the same id again counts nothing), and the version's own contribution, so
 * that a later correction or retraction can take it back exactly.
 *
 * @param kind what the event was
 * @param current for an original report, the event id of its version in force (itself,
 * its latest correction, or its retraction); {@code null} otherwise
 * @param rollup the units the version counted for on its date, the unit first; empty for
 * a retraction and for a correction of a retracted report
 * @param planId the plan
 * @param activityId the activity
 * @param date the day of the version
 * @param tally what the version added to each unit of its roll-up
 */
record StoredFact(Kind kind, @Nullable String current, List<String> rollup, String planId, String activityId,
		LocalDate date, Tally tally) {

	StoredFact {
		rollup = List.copyOf(rollup);
	}

	StoredFact withCurrent(String versionEventId) {
		return new StoredFact(this.kind, versionEventId, this.rollup, this.planId, this.activityId, this.date,
				this.tally);
	}

	/** The changes that take this version back, one per unit of its roll-up. */
	List<Keyed> takenBack() {
		return deltas(this.tally.negated());
	}

	/** The changes this version makes, one per unit of its roll-up. */
	List<Keyed> added() {
		return deltas(this.tally);
	}

	private List<Keyed> deltas(Tally tally) {
		List<Keyed> deltas = new ArrayList<>(this.rollup.size());
		for (String unitCode : this.rollup) {
			deltas.add(new Keyed(unitCode, new Delta(this.planId, this.activityId, this.date, tally)));
		}
		return deltas;
	}

	/** A delta and the unit whose figures it changes. */
	record Keyed(String unitCode, Delta delta) {

	}

	enum Kind {

		RECORDED, CORRECTED, RETRACTED

	}

}
