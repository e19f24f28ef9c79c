package vn.gov.cchc.report.ledger;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.gov.cchc.report.totals.Contribution;

/**
 * One fact in the {@code ledger} collection, {@code _id} = its event id. It remembers
 * where it was first read ({@code partition}, {@code offset}) and the units it counts for
 * ({@code rollup}), fixed when it was recorded so that every later redelivery, replay or
 * rebuild adds it to the same documents.
 *
 * @param eventId the client's idempotency key
 * @param partition the Kafka partition of its first occurrence
 * @param offset the offset of its first occurrence
 * @param unitCode the unit that did it
 * @param planId the plan it implements
 * @param activityId the activity of the plan
 * @param date the day it was done
 * @param quantities quantity per metric
 * @param evidence links to the evidence
 * @param budgetSpentVnd budget spent, whole VND
 * @param reporter who reported it
 * @param recordedAt when plan-service accepted it
 * @param rollup the unit and the ancestors it counts for, the unit first
 */
public record LedgerEntry(String eventId, int partition, long offset, String unitCode, String planId, String activityId,
		LocalDate date, Map<String, Long> quantities, List<URI> evidence, long budgetSpentVnd, String reporter,
		Instant recordedAt, List<String> rollup) {

	public LedgerEntry {
		quantities = Map.copyOf(quantities);
		evidence = List.copyOf(evidence);
		rollup = List.copyOf(rollup);
	}

	/** What this fact adds to each totals document it counts for. */
	public Contribution contribution() {
		return new Contribution(1, this.budgetSpentVnd, this.quantities);
	}

	/** Whether this entry was first read at the given position. */
	boolean readAt(int partition, long offset) {
		return this.partition == partition && this.offset == offset;
	}

}
