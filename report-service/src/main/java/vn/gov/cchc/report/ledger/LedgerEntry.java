package vn.gov.cchc.report.ledger;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.report.figures.Effect;
import vn.gov.cchc.report.figures.Tally;

/**
 * One fact in the {@code ledger} collection, {@code _id} = its event id: a progress
 * report, or a correction or retraction of one. It remembers where it was first read
 * ({@code partition}, {@code offset}), the units it counts for ({@code rollup}) and the
 * exact signed changes it makes to the figures ({@code effects}), all fixed when it was
 * recorded so that every later redelivery, replay or rebuild makes the same changes.
 *
 * @param eventId the client's idempotency key
 * @param kind what the fact is
 * @param partition the Kafka partition of its first occurrence
 * @param offset the offset of its first occurrence
 * @param targetEventId for a correction or retraction, the original report it points at
 * @param replacedEventId for a correction or retraction, the version it replaced (the
 * original, or an earlier correction of it)
 * @param unitCode the unit that did it
 * @param planId the plan it implements
 * @param activityId the activity of the plan
 * @param date the day it was done
 * @param quantities quantity per metric (none for a retraction)
 * @param evidence links to the evidence
 * @param budgetSpentVnd budget spent, whole VND
 * @param reporter who reported it
 * @param note the reporter's note or the retraction's reason
 * @param recordedAt when plan-service accepted it
 * @param rollup the unit and the ancestors it counts for on its date, the unit first
 * (none for a retraction)
 * @param effects the signed changes to the figures
 */
public record LedgerEntry(String eventId, Kind kind, int partition, long offset, @Nullable String targetEventId,
		@Nullable String replacedEventId, String unitCode, String planId, String activityId, LocalDate date,
		Map<String, Long> quantities, List<URI> evidence, long budgetSpentVnd, String reporter, @Nullable String note,
		Instant recordedAt, List<String> rollup, List<Effect> effects) {

	public LedgerEntry {
		quantities = Map.copyOf(quantities);
		evidence = List.copyOf(evidence);
		rollup = List.copyOf(rollup);
		effects = List.copyOf(effects);
	}

	/** The effects of this version counted for every unit of its rollup. */
	static List<Effect> effectsOf(String planId, String activityId, LocalDate date, long budgetSpentVnd,
			Map<String, Long> quantities, List<String> rollup) {
		Tally tally = Tally.ofFact(budgetSpentVnd, quantities);
		return rollup.stream().map((unitCode) -> new Effect(unitCode, planId, activityId, date, tally)).toList();
	}

	/**
	 * The effects that count this version where it counts now, to be negated when a later
	 * correction or retraction replaces it: a report's or a correction's own, never a
	 * retraction's.
	 */
	List<Effect> versionEffects() {
		if (this.kind == Kind.RETRACTED) {
			return List.of();
		}
		return effectsOf(this.planId, this.activityId, this.date, this.budgetSpentVnd, this.quantities, this.rollup);
	}

	/** Whether this entry was first read at the given position. */
	boolean readAt(int partition, long offset) {
		return this.partition == partition && this.offset == offset;
	}

	/** What a ledger entry is. */
	public enum Kind {

		/** A progress report ({@code ProgressRecorded}). */
		RECORDED,

		/** A new version of a report ({@code ProgressCorrected}). */
		CORRECTED,

		/** A report taken back ({@code ProgressRetracted}). */
		RETRACTED

	}

}
