package vn.gov.cchc.report.ledger;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import vn.gov.cchc.testing.MongoTestStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import com.mongodb.client.MongoDatabase;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.totals.UnitTotals;
import vn.gov.cchc.report.unit.Units;

/**
 * The demo tree, random progress logs as Kafka would deliver them, a consumer simulation
 * with crashes, and the straightforward sum the totals must equal.
 */
final class LedgerFixtures {

	/**
	 * A fresh database holding the demo tree, with the applier's parts wired as the
	 * service wires them.
	 */
	record Store(MongoDatabase database, Ledger ledger, Units units, Figures figures, Totals totals,
			SimpleMeterRegistry meters, List<Object> published, LedgerApplier applier) {

		static Store fresh(String prefix) {
			MongoDatabase database = MongoTestStore.freshDatabase(prefix);
			Ledger ledger = new Ledger(database);
			Units units = new Units(database);
			Figures figures = new Figures(database);
			Totals totals = new Totals(database);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			List<Object> published = new CopyOnWriteArrayList<>();
			registerTree(units);
			return new Store(database, ledger, units, figures, totals, meters, published,
					new LedgerApplier(ledger, units, figures, totals, published::add, meters, Clock.systemUTC()));
		}

		/** An applier over the same store whose totals are the given ones. */
		LedgerApplier applierWith(Totals totals) {
			return new LedgerApplier(this.ledger, this.units, this.figures, totals, this.published::add, this.meters,
					Clock.systemUTC());
		}

	}

	static final Instant REGISTERED_AT = Instant.parse("2025-01-02T01:00:00Z");

	static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 6, 30);

	static final List<UnitDetails> TREE = List.of(
			unit("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, LocalDate.of(1997, 1, 1), null),
			unit("256", "Thành phố Bắc Ninh", UnitKind.DISTRICT, "27", LocalDate.of(2006, 1, 26), DISTRICTS_ABOLISHED),
			unit("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1), DISTRICTS_ABOLISHED),
			unit("09193", "Phường Đáp Cầu", UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1), DISTRICTS_ABOLISHED),
			unit("258", "Huyện Yên Phong", UnitKind.DISTRICT, "27", LocalDate.of(1999, 8, 9), DISTRICTS_ABOLISHED),
			unit("09247", "Thị trấn Chờ", UnitKind.COMMUNE, "258", LocalDate.of(1999, 8, 9), DISTRICTS_ABOLISHED));

	/** Every unit a fact of the demo tree counts for, the unit first. */
	static final Map<String, List<String>> ROLLUP = Map.of("27", List.of("27"), "256", List.of("256", "27"), "258",
			List.of("258", "27"), "09190", List.of("09190", "256", "27"), "09193", List.of("09193", "256", "27"),
			"09247", List.of("09247", "258", "27"));

	static final List<String> REPORTING_UNITS = List.of("09190", "09193", "09247", "256", "258", "27");

	private static final List<String> METRICS = List.of("broadcasts", "minutes", "participants", "copies");

	private LedgerFixtures() {
	}

	static void registerTree(Units units) {
		for (UnitDetails unit : TREE) {
			units.record(unit, REGISTERED_AT);
		}
	}

	static UnitDetails unit(String code, String name, UnitKind kind, String parentCode, LocalDate validFrom,
			LocalDate validTo) {
		return new UnitDetails(code, name, kind, parentCode, validFrom, validTo,
				new UnitContacts(null, "vanthu." + code + "@bacninh.gov.vn", null));
	}

	static ProgressRecorded fact(String eventId, String unitCode, LocalDate date, Map<String, Long> quantities,
			long budgetSpentVnd) {
		return new ProgressRecorded(eventId, unitCode, "27-22-KH-UBND-2025", "A1", date, quantities,
				List.of(URI.create("https://bacninh.gov.vn/cchc/" + eventId)), budgetSpentVnd, "Nguyễn Thị Hà",
				Instant.parse("2025-03-14T09:30:00Z"));
	}

	/** A fact as Kafka delivered it. */
	record Delivery(ProgressRecorded fact, int partition, long offset) {

	}

	/**
	 * A random log of {@code count} records over {@code partitions} partitions, keyed by
	 * unit code like {@code cchc.progress}. About one record in fifteen republishes an
	 * earlier fact (same event id and content); most of those land on the fact's own
	 * partition, some on another, as a producer re-sending under another key would.
	 */
	static List<Delivery> randomLog(Random random, int count, int partitions) {
		List<Delivery> log = new ArrayList<>(count);
		long[] nextOffset = new long[partitions];
		List<ProgressRecorded> published = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ProgressRecorded fact;
			int partition;
			if (!published.isEmpty() && random.nextInt(15) == 0) {
				fact = published.get(random.nextInt(published.size()));
				partition = (random.nextInt(4) == 0) ? random.nextInt(partitions) : partitionOf(fact, partitions);
			}
			else {
				fact = randomFact(random, "evt-" + Long.toHexString(random.nextLong()) + "-" + i);
				published.add(fact);
				partition = partitionOf(fact, partitions);
			}
			log.add(new Delivery(fact, partition, nextOffset[partition]++));
		}
		return log;
	}

	static ProgressRecorded randomFact(Random random, String eventId) {
		String unitCode = REPORTING_UNITS.get(random.nextInt(REPORTING_UNITS.size()));
		Map<String, Long> quantities = new LinkedHashMap<>();
		for (String metric : METRICS) {
			if (random.nextBoolean()) {
				quantities.put(metric, (long) random.nextInt(121));
			}
		}
		if (quantities.isEmpty()) {
			quantities.put("broadcasts", 1L);
		}
		LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(180));
		return fact(eventId, unitCode, date, quantities, 1000L * random.nextInt(5000));
	}

	static int partitionOf(ProgressRecorded fact, int partitions) {
		return Math.floorMod(fact.unitCode().hashCode(), partitions);
	}

	/**
	 * Consumes the log as a consumer group would: each partition in offset order, the
	 * partitions interleaved at random. With probability {@code crashRate} a record is
	 * processed by an applier that dies after a random number of totals updates, and the
	 * partition then restarts from its last committed offset (commits happen at random
	 * points), redelivering everything after it.
	 * @param crashing makes an applier that dies after the given number of totals updates
	 */
	static void consume(List<Delivery> log, Random random, LedgerApplier applier, IntFunction<LedgerApplier> crashing,
			double crashRate) {
		Map<Integer, List<Delivery>> byPartition = new TreeMap<>();
		for (Delivery delivery : log) {
			byPartition.computeIfAbsent(delivery.partition(), (p) -> new ArrayList<>()).add(delivery);
		}
		Map<Integer, Integer> next = new HashMap<>();
		Map<Integer, Integer> committed = new HashMap<>();
		List<Integer> open = new ArrayList<>(byPartition.keySet());
		while (!open.isEmpty()) {
			int partition = open.get(random.nextInt(open.size()));
			List<Delivery> records = byPartition.get(partition);
			int position = next.getOrDefault(partition, 0);
			Delivery delivery = records.get(position);
			if (random.nextDouble() < crashRate) {
				try {
					crashing.apply(random.nextInt(4)).apply(delivery.fact(), delivery.partition(), delivery.offset());
				}
				catch (SimulatedCrash crash) {
					// the process died; the partition is redelivered from the last commit
				}
				next.put(partition, committed.getOrDefault(partition, 0));
				continue;
			}
			applier.apply(delivery.fact(), delivery.partition(), delivery.offset());
			next.put(partition, position + 1);
			if (random.nextInt(4) == 0) {
				committed.put(partition, position + 1);
			}
			if (position + 1 == records.size()) {
				open.remove(Integer.valueOf(partition));
			}
		}
	}

	/** The totals every unit must have: each distinct event id once, in its rollup. */
	static Map<String, Sum> straightforwardSum(List<Delivery> log) {
		Map<String, ProgressRecorded> distinct = new LinkedHashMap<>();
		for (Delivery delivery : log) {
			distinct.putIfAbsent(delivery.fact().eventId(), delivery.fact());
		}
		Map<String, Sum> sums = new TreeMap<>();
		for (ProgressRecorded fact : distinct.values()) {
			for (String unitCode : ROLLUP.get(fact.unitCode())) {
				sums.merge(unitCode, Sum.of(fact), Sum::plus);
			}
		}
		return sums;
	}

	/** The figures of every totals document in the store. */
	static Map<String, Sum> figures(Totals totals) {
		Map<String, Sum> figures = new TreeMap<>();
		for (UnitTotals unit : totals.findAll()) {
			figures.put(unit.unitCode(), Sum.of(unit));
		}
		return figures;
	}

	/** The figures of a unit, without the bookkeeping of applied offsets. */
	record Sum(long events, long budgetSpentVnd, Map<String, Long> quantities) {

		Sum {
			quantities = new TreeMap<>(quantities);
		}

		static Sum of(UnitTotals totals) {
			return new Sum(totals.events(), totals.budgetSpentVnd(), totals.quantities());
		}

		static Sum of(ProgressRecorded fact) {
			return new Sum(1, fact.budgetSpentVnd(), fact.quantities());
		}

		Sum plus(Sum other) {
			Map<String, Long> sum = new TreeMap<>(this.quantities);
			other.quantities.forEach((metric, quantity) -> sum.merge(metric, quantity, Long::sum));
			return new Sum(this.events + other.events, this.budgetSpentVnd + other.budgetSpentVnd, sum);
		}

	}

	/** Stands for the process dying in the middle of a fact. */
	static final class SimulatedCrash extends RuntimeException {

		SimulatedCrash() {
			super("simulated crash");
		}

	}

	/** Totals whose process dies after a given number of updates. */
	static final class CrashingTotals extends Totals {

		private int updatesLeft;

		CrashingTotals(MongoDatabase database, int updatesBeforeCrash) {
			super(database);
			this.updatesLeft = updatesBeforeCrash;
		}

		@Override
		public boolean addOnce(String unitCode, int partition, long offset, Tally contribution) {
			if (this.updatesLeft-- <= 0) {
				throw new SimulatedCrash();
			}
			return super.addOnce(unitCode, partition, offset, contribution);
		}

	}

}
