package vn.gov.cchc.report.ledger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.report.cloudevent.PoisonEventException;
import vn.gov.cchc.report.totals.Contribution;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.unit.Unit;
import vn.gov.cchc.report.unit.Units;

import org.springframework.stereotype.Component;

/**
 * Applies one {@code ProgressRecorded} fact, read at a known Kafka (partition, offset),
 * to the ledger and to the totals of its unit and every ancestor, exactly once, without
 * MongoDB transactions (the embedded store has none, and none are needed).
 *
 * <h2>The two steps</h2>
 * <ol>
 * <li><b>Record.</b> Insert the fact into {@code ledger} with {@code _id = eventId},
 * together with where it was read ({@code partition}, {@code offset}) and its
 * {@code rollup}: the unit's code and its ancestors' codes, walked up {@code parentCode}
 * through {@code units}. The unique {@code _id} decides what a repeated id is:
 * <ul>
 * <li>no entry yet: this is the first occurrence, count
 * {@code cchc.ledger.recorded};</li>
 * <li>an entry read at another (partition, offset): the same event id was published
 * again. Count {@code cchc.ledger.duplicates} and stop. The first occurrence is applied,
 * or will be, when its own offset is processed or redelivered;</li>
 * <li>an entry read at this same (partition, offset): this is a redelivery of a record
 * that may have been interrupted anywhere after its insert. Go on to step 2 with the
 * <em>stored</em> rollup, so a redelivery updates exactly the documents the first attempt
 * meant to update, even if the tree changed since.</li>
 * </ul>
 * </li>
 * <li><b>Aggregate.</b> For each unit code of the rollup, one single-document atomic
 * upsert on {@code totals} ({@link Totals#addOnce}) that increments {@code events},
 * {@code budgetSpentVnd} and {@code quantities.<metric>} and sets
 * {@code applied.p<partition> = offset}, filtered on {@code applied.p<partition>} being
 * lower than the offset or absent. A document that already has this offset (or a later
 * one) of the partition does not match, and the upsert's insert fails on the existing
 * {@code _id}: that duplicate key means "already applied", and the code is skipped. Each
 * document actually updated counts {@code cchc.ledger.aggregated}.</li>
 * </ol>
 *
 * <h2>Why this is exactly once</h2> A partition is consumed in offset order, and a fact
 * is finished (all of its rollup documents) before the next offset of its partition
 * starts. So for any totals document, {@code applied.pN = x} means every earlier offset
 * of partition N that touches this document has been added to it. Then:
 * <ul>
 * <li><em>redelivery</em> of an offset, after a crash (even {@code kill -9}) between the
 * ledger insert and any of the updates, adds the fact to the documents that missed it and
 * skips those that have it;</li>
 * <li><em>replay</em> of the whole topic (a new consumer group, an offset reset) finds
 * every fact in the ledger at its own position and every document guarded;</li>
 * <li>a <em>zombie</em> consumer still working after a rebalance, or a second instance
 * given the partition, processes the same offsets in the same order: whichever applies an
 * offset to a document first wins, and the other's guarded update is a no-op. A consumer
 * that is behind can never add an old offset to a document a consumer ahead of it has
 * moved past, because the one ahead applied that old offset before moving on;</li>
 * <li>a second <em>publication</em> of an event id, at any partition or offset, is a
 * duplicate in step 1 and never reaches step 2.</li>
 * </ul>
 * The guard is per partition, so events from different partitions (one unit's events stay
 * on one partition, but a province's document takes all of them) never block each other.
 * The ledger holds every fact once with the units it counts for, which is what
 * {@link TotalsRebuilder} derives the totals from again.
 *
 * <h2>Input that can never succeed</h2> Metric names become field paths, so they are
 * checked here again ({@code ^[a-z][a-zA-Z0-9]{0,39}$}) even though plan-service
 * validates them; a bad name, a negative quantity or budget is a
 * {@link PoisonEventException}, which the binding does not retry and dead-letters at
 * once.
 *
 * <h2>Known limitations</h2>
 * <ul>
 * <li>A fact whose unit (or an ancestor) is not in {@code units} yet throws
 * {@link UnitNotYetKnownException} before anything is written, because the
 * {@code UnitRegistered} on {@code cchc.units} may still be in flight: the binder retries
 * with back-off (8 attempts over about 30 s) and then dead-letters it to
 * {@code cchc.progress.dlq} with the failure in the headers, and the partition moves on.
 * Such a fact is in no ledger and no total. To re-drive it, publish it again on
 * {@code cchc.progress} (it gets a new offset, above every guard); replaying it at its
 * old offset would be refused by the guards of the documents that later offsets of the
 * partition have already reached.</li>
 * <li>If the store fails in the middle of step 2 on every attempt, the binder
 * dead-letters a fact that is in the ledger but missing from some totals, and the
 * partition moves past it. {@code POST /api/v1/admin/totals:rebuild} repairs this from
 * the ledger.</li>
 * <li>The rollup is fixed when the fact is recorded (for the foundation a unit has one
 * fixed parent). A later change of a unit's parent does not move facts already
 * recorded.</li>
 * <li>The guards assume offsets only grow: if {@code cchc.progress} were ever deleted and
 * created again, the {@code applied} positions would have to be cleared.</li>
 * </ul>
 */
@Component
public class LedgerApplier {

	private static final Logger logger = LoggerFactory.getLogger(LedgerApplier.class);

	/** Deeper than any real tree (province, district, commune); stops a cycle in data. */
	private static final int MAX_DEPTH = 16;

	private final Ledger ledger;

	private final Units units;

	private final Totals totals;

	private final Counter recorded;

	private final Counter duplicates;

	private final Counter redelivered;

	private final Counter aggregated;

	private final Counter unitUnknown;

	public LedgerApplier(Ledger ledger, Units units, Totals totals, MeterRegistry registry) {
		this.ledger = ledger;
		this.units = units;
		this.totals = totals;
		this.recorded = Counter.builder("cchc.ledger.recorded")
			.description("Facts recorded in the ledger for the first time")
			.register(registry);
		this.duplicates = Counter.builder("cchc.ledger.duplicates")
			.description("Second publications of an event id already in the ledger")
			.register(registry);
		this.redelivered = Counter.builder("cchc.ledger.redelivered")
			.description("Redeliveries of a record already in the ledger at the same position")
			.register(registry);
		this.aggregated = Counter.builder("cchc.ledger.aggregated")
			.description("Totals documents updated by a fact")
			.register(registry);
		this.unitUnknown = Counter.builder("cchc.ledger.unit.unknown")
			.description("Attempts that found the fact's unit or an ancestor not known yet")
			.register(registry);
	}

	/**
	 * Applies the fact read at the given position.
	 * @param fact the fact
	 * @param partition the Kafka partition it was read from
	 * @param offset its offset there
	 * @return what the fact turned out to be
	 * @throws PoisonEventException if its figures break the contract
	 * @throws UnitNotYetKnownException if its unit or an ancestor is not known yet
	 */
	public Outcome apply(ProgressRecorded fact, int partition, long offset) {
		checkFigures(fact);
		LedgerEntry entry = new LedgerEntry(fact.eventId(), partition, offset, fact.unitCode(), fact.planId(),
				fact.activityId(), fact.date(), fact.quantities(), fact.evidence(), fact.budgetSpentVnd(),
				fact.reporter(), fact.recordedAt(), rollup(fact));
		Outcome outcome;
		if (this.ledger.insert(entry)) {
			this.recorded.increment();
			outcome = Outcome.RECORDED;
		}
		else {
			LedgerEntry existing = this.ledger.find(fact.eventId())
				.orElseThrow(() -> new IllegalStateException(
						"Duplicate key for event " + fact.eventId() + " but no ledger entry found"));
			if (!existing.readAt(partition, offset)) {
				this.duplicates.increment();
				logger.info("Event {} at {}/{} was already recorded at {}/{}; not counted again", fact.eventId(),
						partition, offset, existing.partition(), existing.offset());
				return Outcome.DUPLICATE;
			}
			this.redelivered.increment();
			entry = existing;
			outcome = Outcome.REDELIVERED;
		}
		aggregate(entry);
		return outcome;
	}

	private void aggregate(LedgerEntry entry) {
		Contribution contribution = entry.contribution();
		for (String unitCode : entry.rollup()) {
			if (this.totals.addOnce(unitCode, entry.partition(), entry.offset(), contribution)) {
				this.aggregated.increment();
			}
		}
	}

	private static void checkFigures(ProgressRecorded fact) {
		if (fact.budgetSpentVnd() < 0) {
			throw new PoisonEventException("Fact " + fact.eventId() + " has a negative budgetSpentVnd");
		}
		for (Map.Entry<String, Long> quantity : fact.quantities().entrySet()) {
			if (!Totals.isMetricName(quantity.getKey())) {
				throw new PoisonEventException("Fact " + fact.eventId() + " has an invalid metric name");
			}
			if (quantity.getValue() == null || quantity.getValue() < 0) {
				throw new PoisonEventException(
						"Fact " + fact.eventId() + " has no or a negative quantity of " + quantity.getKey());
			}
		}
	}

	/**
	 * The units the fact counts for: its own unit, then each ancestor up the
	 * {@code parentCode} chain that was valid on the fact's date. The unit itself is
	 * always included because plan-service accepted the fact for it; an ancestor not
	 * valid on that day is left out but the walk goes on through it, since for the
	 * foundation the chain is the only tree there is.
	 */
	private List<String> rollup(ProgressRecorded fact) {
		Set<String> codes = new LinkedHashSet<>();
		Set<String> walked = new LinkedHashSet<>();
		Unit unit = known(fact.unitCode(), fact);
		codes.add(unit.code());
		walked.add(unit.code());
		String parentCode = unit.parentCode();
		while (parentCode != null) {
			if (!walked.add(parentCode) || walked.size() > MAX_DEPTH) {
				throw new IllegalStateException("The unit tree above " + fact.unitCode() + " has a cycle: " + walked);
			}
			Unit parent = known(parentCode, fact);
			if (parent.validOn(fact.date())) {
				codes.add(parent.code());
			}
			else {
				logger.debug("Unit {} was not valid on {}; fact {} does not count for it", parent.code(), fact.date(),
						fact.eventId());
			}
			parentCode = parent.parentCode();
		}
		return new ArrayList<>(codes);
	}

	private Unit known(String unitCode, ProgressRecorded fact) {
		return this.units.find(unitCode).orElseThrow(() -> {
			this.unitUnknown.increment();
			return new UnitNotYetKnownException(unitCode, fact.eventId());
		});
	}

	/** What a delivered fact turned out to be. */
	public enum Outcome {

		/** First occurrence, recorded and aggregated now. */
		RECORDED,

		/** The same record again; whatever it had not finished is finished now. */
		REDELIVERED,

		/** The same event id published again at another position; ignored. */
		DUPLICATE

	}

}
