package vn.gov.cchc.report.counting;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.report.totals.UnitTotals;

/**
 * The demo tree, random progress logs with repeated event ids as clients' retries make
 * them, and the straightforward sum the totals must equal.
 */
public final class CountingFixtures {

	public static final Instant REGISTERED_AT = Instant.parse("2025-01-02T01:00:00Z");

	public static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 6, 30);

	public static final List<UnitDetails> TREE = List.of(
			unit("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, LocalDate.of(1997, 1, 1), null),
			unit("256", "Thành phố Bắc Ninh", UnitKind.DISTRICT, "27", LocalDate.of(2006, 1, 26), DISTRICTS_ABOLISHED),
			unit("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1), DISTRICTS_ABOLISHED),
			unit("09193", "Phường Đáp Cầu", UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1), DISTRICTS_ABOLISHED),
			unit("258", "Huyện Yên Phong", UnitKind.DISTRICT, "27", LocalDate.of(1999, 8, 9), DISTRICTS_ABOLISHED),
			unit("09247", "Thị trấn Chờ", UnitKind.COMMUNE, "258", LocalDate.of(1999, 8, 9), DISTRICTS_ABOLISHED));

	/** Every unit a fact of the demo tree counts for, the unit first. */
	public static final Map<String, List<String>> ROLLUP = Map.of("27", List.of("27"), "256", List.of("256", "27"),
			"258", List.of("258", "27"), "09190", List.of("09190", "256", "27"), "09193", List.of("09193", "256", "27"),
			"09247", List.of("09247", "258", "27"));

	public static final List<String> REPORTING_UNITS = List.of("09190", "09193", "09247", "256", "258", "27");

	private static final List<String> METRICS = List.of("broadcasts", "minutes", "participants", "copies");

	private CountingFixtures() {
	}

	/** Registers the demo tree on the driver's units topic. */
	public static void registerTree(CountingDriver driver) {
		for (UnitDetails unit : TREE) {
			driver.register(unit, REGISTERED_AT);
		}
	}

	public static UnitDetails unit(String code, String name, UnitKind kind, String parentCode, LocalDate validFrom,
			LocalDate validTo) {
		return new UnitDetails(code, name, kind, parentCode, validFrom, validTo,
				new UnitContacts(null, "vanthu." + code + "@bacninh.gov.vn", null));
	}

	public static ProgressRecorded fact(String eventId, String unitCode, LocalDate date, Map<String, Long> quantities,
			long budgetSpentVnd) {
		return new ProgressRecorded(eventId, unitCode, "27-22-KH-UBND-2025", "A1", date, quantities,
				List.of(URI.create("https://bacninh.gov.vn/cchc/" + eventId)), budgetSpentVnd, "Nguyễn Thị Hà",
				Instant.parse("2025-03-14T09:30:00Z"));
	}

	/** A fact as Kafka delivered it. */
	public record Delivery(ProgressRecorded fact, int partition, long offset) {

	}

	/**
	 * A random log of {@code count} records over {@code partitions} partitions, keyed by
	 * unit code like {@code cchc.progress}. About one record in fifteen republishes an
	 * earlier fact (same event id and content); most of those land on the fact's own
	 * partition, some on another, as a producer re-sending under another key would.
	 */
	public static List<Delivery> randomLog(Random random, int count, int partitions) {
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

	public static ProgressRecorded randomFact(Random random, String eventId) {
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

	public static int partitionOf(ProgressRecorded fact, int partitions) {
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
	public static Map<String, Sum> straightforwardSum(List<Delivery> log) {
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
	public static Map<String, Sum> figures(Totals totals) {
		Map<String, Sum> figures = new TreeMap<>();
		for (UnitTotals unit : totals.findAll()) {
			figures.put(unit.unitCode(), Sum.of(unit));
		}
		return figures;
	}

	/** The figures of a unit, without the bookkeeping of applied offsets. */
	public record Sum(long events, long budgetSpentVnd, Map<String, Long> quantities) {

		public Sum {
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

}
