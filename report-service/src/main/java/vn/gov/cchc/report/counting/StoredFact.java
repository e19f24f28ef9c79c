package vn.gov.cchc.report.counting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

	/** What takes this version back from its roll-up; none if it counted for no unit. */
	Optional<Delta> takenBack() {
		return delta(this.tally.negated());
	}

	/** What this version adds to its roll-up; none if it counts for no unit. */
	Optional<Delta> added() {
		return delta(this.tally);
	}

	private Optional<Delta> delta(Tally tally) {
		return this.rollup.isEmpty() ? Optional.empty()
				: Optional.of(new Delta(this.rollup, this.planId, this.activityId, this.date, tally));
	}

	enum Kind {

		RECORDED, CORRECTED, RETRACTED

	}

}
