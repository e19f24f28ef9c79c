package vn.gov.cchc.report.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.report.ledger.LedgerApplier.Outcome;
import vn.gov.cchc.report.ledger.LedgerFixtures.CrashingTotals;
import vn.gov.cchc.report.ledger.LedgerFixtures.Delivery;
import vn.gov.cchc.report.ledger.LedgerFixtures.Sum;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.MonthFigures;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.totals.UnitTotals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals are derived from the ledger and can be rebuilt from it (invariant 2).
 */
class TotalsRebuildTests {

	private MongoDatabase database;

	private Ledger ledger;

	private Totals totals;

	private LedgerApplier applier;

	private TotalsRebuilder rebuilder;

	private List<Delivery> log;

	@BeforeEach
	void liveTotalsFromARandomLog() {
		LedgerFixtures.Store store = LedgerFixtures.Store.fresh("totals-rebuild");
		this.database = store.database();
		this.ledger = store.ledger();
		this.totals = store.totals();
		this.applier = store.applier();
		this.rebuilder = new TotalsRebuilder(this.ledger, new Figures(this.database), this.totals);

		Random random = new Random(4242);
		this.log = LedgerFixtures.randomLog(random, 300, 3);
		LedgerFixtures.consume(this.log, random, this.applier,
				(updates) -> store.applierWith(new CrashingTotals(this.database, updates)), 0.05);
	}

	@AfterEach
	void dropStore() {
		this.database.drop();
	}

	@Test
	void rebuiltTotalsEqualTheLiveOnes() {
		Map<String, Sum> live = LedgerFixtures.figures(this.totals);
		assertThat(live).isEqualTo(LedgerFixtures.straightforwardSum(this.log));
		Figures figures = new Figures(this.database);
		Map<String, MonthFigures> liveMonths = months(figures);
		assertThat(liveMonths).isNotEmpty();

		RebuildResult result = this.rebuilder.rebuild();

		assertThat(LedgerFixtures.figures(this.totals)).isEqualTo(live);
		assertThat(months(figures)).isEqualTo(liveMonths);
		assertThat(result.figuresWritten()).isEqualTo(liveMonths.size());
		long distinct = this.log.stream().map((delivery) -> delivery.fact().eventId()).distinct().count();
		assertThat(result.ledgerEntries()).isEqualTo(distinct);
		assertThat(result.totalsWritten()).isEqualTo(live.size());
		assertThat(result.totalsRemoved()).isZero();
	}

	private static Map<String, MonthFigures> months(Figures figures) {
		Map<String, MonthFigures> months = new TreeMap<>();
		figures.findAll().forEach((month) -> months.put(month.id(), month));
		return months;
	}

	@Test
	void rebuildRepairsTotalsThatLostOrGainedUpdatesAndRemovesStrayDocuments() {
		Map<String, Sum> live = LedgerFixtures.figures(this.totals);
		var collection = this.database.getCollection("totals");
		collection.deleteOne(Filters.eq("_id", "27"));
		collection.updateOne(Filters.eq("_id", "09190"), Updates.inc("events", 5L));
		collection.insertOne(new Document("_id", "09999").append("events", 3L));
		assertThat(LedgerFixtures.figures(this.totals)).isNotEqualTo(live);

		RebuildResult result = this.rebuilder.rebuild();

		assertThat(LedgerFixtures.figures(this.totals)).isEqualTo(live);
		assertThat(result.totalsRemoved()).isEqualTo(1);
	}

	@Test
	void rebuildSetsEveryDocumentsAppliedOffsetsToTheLastOffsetOfEachPartitionInTheLedger() {
		// The ledger keeps the position each event id was first recorded at.
		Map<Integer, Long> lastOffsets = new TreeMap<>();
		this.ledger.forEach((entry) -> lastOffsets.merge(entry.partition(), entry.offset(), Math::max));
		assertThat(lastOffsets).hasSize(3);

		RebuildResult result = this.rebuilder.rebuild();

		assertThat(result.appliedOffsets()).isEqualTo(lastOffsets);
		assertThat(this.totals.findAll()).isNotEmpty()
			.allSatisfy((unit) -> assertThat(unit.applied()).isEqualTo(lastOffsets));
	}

	@Test
	void afterARebuildAReplayChangesNothingAndNewFactsAreCounted() {
		Map<String, Sum> live = LedgerFixtures.figures(this.totals);
		this.rebuilder.rebuild();

		for (Delivery delivery : this.log) {
			assertThat(this.applier.apply(delivery.fact(), delivery.partition(), delivery.offset()))
				.isNotEqualTo(Outcome.RECORDED);
		}
		assertThat(LedgerFixtures.figures(this.totals)).isEqualTo(live);

		long nextOffset = this.log.stream()
			.filter((delivery) -> delivery.partition() == 1)
			.mapToLong(Delivery::offset)
			.max()
			.orElse(-1) + 1;
		ProgressRecorded fresh = LedgerFixtures.fact("evt-after-rebuild-1", "09247", LocalDate.of(2025, 5, 2),
				Map.of("participants", 40L), 2_000_000);
		assertThat(this.applier.apply(fresh, 1, nextOffset)).isEqualTo(Outcome.RECORDED);

		for (String unitCode : List.of("09247", "258", "27")) {
			assertThat(this.totals.find(unitCode).map(Sum::of).orElseThrow())
				.isEqualTo(live.get(unitCode).plus(Sum.of(fresh)));
		}
		assertThat(this.totals.find("09190").map(UnitTotals::events)).contains(live.get("09190").events());
	}

}
