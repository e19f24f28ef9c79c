package vn.gov.cchc.report.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.ProgressCorrected;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.ProgressRetracted;
import vn.gov.cchc.report.cloudevent.PoisonEventException;
import vn.gov.cchc.report.figures.Effect;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.FiguresChanged;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.unit.UnitTree;
import vn.gov.cchc.report.unit.Units;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies one fact of {@code cchc.progress} (a report, a correction or a retraction),
 * read at a known Kafka (partition, offset), to the ledger and to the figures and totals
 * of its unit and every ancestor, exactly once, without MongoDB transactions (the
 * embedded store has none, and none are needed).
 *
 * <h2>The two steps</h2>
 * <ol>
 * <li><b>Record.</b> Insert the fact into {@code ledger} with {@code _id = eventId},
 * together with where it was read ({@code partition}, {@code offset}) and its
 * {@code rollup}: the unit's code and its ancestors' codes <em>on the fact's date</em>
 * ({@code UnitDetails#parentOn}, so a 2024 fact rolls up through its district and a 2026
 * one straight to the province), and its {@code effects}: the signed changes it makes to
 * the figures. A report adds its figures to every unit of its rollup. A correction takes
 * back the version it replaces (the original or the latest earlier correction, whose
 * effects are read from the ledger) and adds its own; a retraction only takes back. The
 * unique {@code _id} decides what a repeated id is:
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
 * <li><b>Aggregate.</b> A correction or retraction first becomes the original's version
 * in force ({@link Ledger#supersede}, guarded by offset so an old redelivery cannot bring
 * back a replaced version). Then the effects are grouped by document: one per unit, plan
 * and month in {@code figures} ({@link Figures#applyOnce}) and one per unit in
 * {@code totals} ({@link Totals#addOnce}). Each gets one single-document atomic upsert
 * that increments the figures and sets {@code applied.p<partition> = offset}, filtered on
 * {@code applied.p<partition>} being lower than the offset or absent. A document that
 * already has this offset (or a later one) of the partition does not match, and the
 * upsert's insert fails on the existing {@code _id}: that duplicate key means "already
 * applied", and the code is skipped. Each document actually updated counts
 * {@code cchc.ledger.aggregated}.</li>
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
 * A correction is on the same partition as its original (both are keyed by the unit), so
 * the version it replaces is always settled before it is read. The ledger holds every
 * fact once with its effects, which is what {@link TotalsRebuilder} derives the figures
 * and totals from again.
 *
 * <h2>Input that can never succeed</h2> Metric names become field paths, so they are
 * checked here again ({@code ^[a-z][a-zA-Z0-9_]{0,39}$}), and so are activity ids, even
 * though plan-service validates them; a bad name, a negative quantity or budget is a
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
 * <li>The rollup is fixed when the fact is recorded, from the tree known then for the
 * fact's date. A later correction of a unit's history (a parent period entered after the
 * facts) does not move facts already recorded; a correction event does.</li>
 * <li>A correction or retraction whose original is not in the ledger (it was
 * dead-lettered) cannot be applied and is dead-lettered too.</li>
 * <li>The guards assume offsets only grow: if {@code cchc.progress} were ever deleted and
 * created again, the {@code applied} positions would have to be cleared.</li>
 * </ul>
 */
@Component
public class LedgerApplier {

	private static final Logger logger = LoggerFactory.getLogger(LedgerApplier.class);

	private final Ledger ledger;

	private final Units units;

	private final Figures figures;

	private final Totals totals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Counter recorded;

	private final Counter duplicates;

	private final Counter redelivered;

	private final Counter aggregated;

	private final Counter unitUnknown;

	public LedgerApplier(Ledger ledger, Units units, Figures figures, Totals totals, ApplicationEventPublisher events,
			MeterRegistry registry, Clock clock) {
		this.ledger = ledger;
		this.units = units;
		this.figures = figures;
		this.totals = totals;
		this.events = events;
		this.clock = clock;
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
			.description("Figures and totals documents updated by a fact")
			.register(registry);
		this.unitUnknown = Counter.builder("cchc.ledger.unit.unknown")
			.description("Attempts that found the fact's unit or an ancestor not known yet")
			.register(registry);
	}

	/**
	 * Applies a progress report read at the given position.
	 * @throws PoisonEventException if its figures break the contract
	 * @throws UnitNotYetKnownException if its unit or an ancestor is not known yet
	 */
	public Outcome apply(ProgressRecorded fact, int partition, long offset) {
		checkFigures(fact.eventId(), fact.activityId(), fact.budgetSpentVnd(), fact.quantities());
		return apply(fact.eventId(), partition, offset, () -> {
			List<String> rollup = rollup(fact.eventId(), fact.unitCode(), fact.date());
			return new LedgerEntry(fact.eventId(), LedgerEntry.Kind.RECORDED, partition, offset, null, null,
					fact.unitCode(), fact.planId(), fact.activityId(), fact.date(), fact.quantities(), fact.evidence(),
					fact.budgetSpentVnd(), fact.reporter(), fact.note(), fact.recordedAt(), rollup,
					LedgerEntry.effectsOf(fact.planId(), fact.activityId(), fact.date(), fact.budgetSpentVnd(),
							fact.quantities(), rollup));
		});
	}

	/**
	 * Applies a correction read at the given position: the version it replaces is taken
	 * back and the corrected figures added, on the tree of the corrected date.
	 * @throws PoisonEventException if its figures break the contract or its original is
	 * not in the ledger
	 * @throws UnitNotYetKnownException if its unit or an ancestor is not known yet
	 */
	public Outcome apply(ProgressCorrected fact, int partition, long offset) {
		checkFigures(fact.eventId(), fact.activityId(), fact.budgetSpentVnd(), fact.quantities());
		return apply(fact.eventId(), partition, offset, () -> {
			LedgerEntry replaced = versionInForce(fact.eventId(), fact.correctsEventId());
			List<String> rollup = rollup(fact.eventId(), fact.unitCode(), fact.date());
			List<Effect> effects = new ArrayList<>();
			replaced.versionEffects().forEach((effect) -> effects.add(effect.negated()));
			if (replaced.kind() != LedgerEntry.Kind.RETRACTED) {
				effects.addAll(LedgerEntry.effectsOf(fact.planId(), fact.activityId(), fact.date(),
						fact.budgetSpentVnd(), fact.quantities(), rollup));
			}
			else {
				logger.warn("Correction {} of retracted report {} is kept in the ledger and changes no figure",
						fact.eventId(), fact.correctsEventId());
			}
			return new LedgerEntry(fact.eventId(), LedgerEntry.Kind.CORRECTED, partition, offset,
					fact.correctsEventId(), replaced.eventId(), fact.unitCode(), fact.planId(), fact.activityId(),
					fact.date(), fact.quantities(), fact.evidence(), fact.budgetSpentVnd(), fact.reporter(),
					fact.note(), fact.recordedAt(),
					(replaced.kind() != LedgerEntry.Kind.RETRACTED) ? rollup : List.of(), effects);
		});
	}

	/**
	 * Applies a retraction read at the given position: the version in force is taken
	 * back.
	 * @throws PoisonEventException if its original is not in the ledger
	 */
	public Outcome apply(ProgressRetracted fact, int partition, long offset) {
		return apply(fact.eventId(), partition, offset, () -> {
			LedgerEntry replaced = versionInForce(fact.eventId(), fact.retractsEventId());
			List<Effect> effects = replaced.versionEffects().stream().map(Effect::negated).toList();
			return new LedgerEntry(fact.eventId(), LedgerEntry.Kind.RETRACTED, partition, offset,
					fact.retractsEventId(), replaced.eventId(), fact.unitCode(), fact.planId(), fact.activityId(),
					fact.date(), Map.of(), List.of(), 0, fact.reporter(), fact.reason(), fact.recordedAt(), List.of(),
					effects);
		});
	}

	private Outcome apply(String eventId, int partition, long offset, EntryFactory factory) {
		Outcome outcome;
		LedgerEntry entry = this.ledger.find(eventId).orElse(null);
		if (entry == null) {
			LedgerEntry created = factory.create();
			if (this.ledger.insert(created)) {
				this.recorded.increment();
				entry = created;
				outcome = Outcome.RECORDED;
			}
			else {
				// Another consumer recorded it between the find and the insert.
				entry = this.ledger.find(eventId)
					.orElseThrow(() -> new IllegalStateException(
							"Duplicate key for event " + eventId + " but no ledger entry found"));
				outcome = Outcome.REDELIVERED;
			}
		}
		else {
			outcome = Outcome.REDELIVERED;
		}
		if (!entry.readAt(partition, offset)) {
			this.duplicates.increment();
			logger.info("Event {} at {}/{} was already recorded at {}/{}; not counted again", eventId, partition,
					offset, entry.partition(), entry.offset());
			return Outcome.DUPLICATE;
		}
		if (outcome == Outcome.REDELIVERED) {
			this.redelivered.increment();
		}
		aggregate(entry);
		return outcome;
	}

	private void aggregate(LedgerEntry entry) {
		if (entry.targetEventId() != null) {
			this.ledger.supersede(entry.targetEventId(), entry.eventId(), entry.offset());
		}
		this.aggregated.increment(this.figures.applyOnce(entry.effects(), entry.partition(), entry.offset()));
		Map<String, Tally> byUnit = new LinkedHashMap<>();
		entry.effects().forEach((effect) -> byUnit.merge(effect.unitCode(), effect.tally(), Tally::plus));
		byUnit.forEach((unitCode, tally) -> {
			if (this.totals.addOnce(unitCode, entry.partition(), entry.offset(), tally)) {
				this.aggregated.increment();
			}
		});
		if (!entry.effects().isEmpty()) {
			Set<String> unitCodes = new LinkedHashSet<>(byUnit.keySet());
			Set<LocalDate> dates = new LinkedHashSet<>();
			entry.effects().forEach((effect) -> dates.add(effect.date()));
			this.events.publishEvent(
					new FiguresChanged(entry.eventId(), entry.planId(), unitCodes, dates, this.clock.instant()));
		}
	}

	private LedgerEntry versionInForce(String eventId, String originalEventId) {
		String current = this.ledger.currentVersionOf(originalEventId)
			.orElseThrow(() -> new PoisonEventException(
					"Fact " + eventId + " points at report " + originalEventId + ", which is not in the ledger"));
		return this.ledger.find(current)
			.orElseThrow(() -> new IllegalStateException(
					"Report " + originalEventId + " names version " + current + ", which is not in the ledger"));
	}

	private static void checkFigures(String eventId, String activityId, long budgetSpentVnd,
			Map<String, Long> quantities) {
		if (budgetSpentVnd < 0) {
			throw new PoisonEventException("Fact " + eventId + " has a negative budgetSpentVnd");
		}
		if (!Figures.isActivityId(activityId)) {
			throw new PoisonEventException("Fact " + eventId + " has an invalid activity id");
		}
		for (Map.Entry<String, Long> quantity : quantities.entrySet()) {
			if (!Figures.isMetricName(quantity.getKey())) {
				throw new PoisonEventException("Fact " + eventId + " has an invalid metric name");
			}
			if (quantity.getValue() == null || quantity.getValue() < 0) {
				throw new PoisonEventException(
						"Fact " + eventId + " has no or a negative quantity of " + quantity.getKey());
			}
		}
	}

	private List<String> rollup(String eventId, String unitCode, LocalDate date) {
		try {
			return this.units.pathOn(unitCode, date);
		}
		catch (UnitTree.UnknownUnitException ex) {
			this.unitUnknown.increment();
			throw new UnitNotYetKnownException(ex.unitCode(), eventId);
		}
	}

	@FunctionalInterface
	private interface EntryFactory {

		LedgerEntry create();

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
