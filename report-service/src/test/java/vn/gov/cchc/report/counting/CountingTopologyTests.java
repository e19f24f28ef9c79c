package vn.gov.cchc.report.counting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.cchc.events.ProgressCorrected;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.ProgressRetracted;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.figures.Tally;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting topology in a {@link org.apache.kafka.streams.TopologyTestDriver}: what
 * each fact adds, to whom, once, and what leaves for the read model.
 */
class CountingTopologyTests {

	private static final LocalDate MARCH_14 = LocalDate.of(2025, 3, 14);

	private CountingDriver driver;

	/** The newest emitted state of each document, by kind and id. */
	private final Map<String, ChangedDocument> documents = new TreeMap<>();

	@BeforeEach
	void demoTree() {
		this.driver = CountingDriver.alone();
		CountingFixtures.registerTree(this.driver);
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void aFactCountsForItsUnitAndEveryAncestorOnItsDate() {
		this.driver.record(CountingFixtures.fact("evt-1", "09190", MARCH_14, Map.of("minutes", 20L), 500_000));
		flush();

		assertThat(totals("09190")).isEqualTo(new Tally(1, 500_000, Map.of("minutes", 20L)));
		assertThat(totals("256")).isEqualTo(totals("09190"));
		assertThat(totals("27")).isEqualTo(totals("09190"));
		assertThat(this.documents).doesNotContainKey("TOTALS:258").doesNotContainKey("TOTALS:09193");
		ChangedDocument month = this.documents.get("FIGURES:256|27-22-KH-UBND-2025|2025-03");
		assertThat(month.days()).isEqualTo(Map.of("14", Map.of("A1", new Tally(1, 500_000, Map.of("minutes", 20L)))));
		assertThat(month.days().keySet()).containsExactly("14");
	}

	@Test
	void anAncestorNotValidOnTheFactsDateIsLeftOutOfTheRollup() {
		// A commune that outlives its district (valid to 30 June 2025) reports in July.
		this.driver.register(
				CountingFixtures.unit("09250", "Xã Dũng Liệt", UnitKind.COMMUNE, "258", LocalDate.of(1999, 8, 9), null),
				CountingFixtures.REGISTERED_AT);
		this.driver
			.record(CountingFixtures.fact("evt-july", "09250", LocalDate.of(2025, 7, 10), Map.of("minutes", 20L), 0));
		flush();

		assertThat(this.documents.keySet()).filteredOn((key) -> key.startsWith("TOTALS:"))
			.containsExactlyInAnyOrder("TOTALS:09250", "TOTALS:27");
	}

	@Test
	void theSameEventIdAgainCountsNothing() {
		ProgressRecorded fact = CountingFixtures.fact("evt-1", "09193", MARCH_14, Map.of("broadcasts", 1L), 0);
		this.driver.record(fact);
		this.driver.record(fact);
		flush();
		this.driver.record(fact);
		List<ChangedDocument> emitted = this.driver.flush();

		assertThat(totals("27").events()).isEqualTo(1);
		assertThat(emitted).isEmpty();
		assertThat(this.driver.meters().counter("cchc.counting.duplicates").count()).isEqualTo(2);
	}

	@Test
	void manyFactsOfOneMonthLeaveOneDocumentPerUnitAndFlush() {
		useInMemoryStores();
		for (int i = 0; i < 500; i++) {
			this.driver.record(CountingFixtures.fact("evt-" + i, (i % 2 == 0) ? "09190" : "09193",
					MARCH_14.plusDays(i % 10), Map.of("broadcasts", 1L), 0));
		}
		List<ChangedDocument> emitted = this.driver.flush();

		// 3 units' totals and months for 09190 and 09193, then 256 and 27: 4 + 4.
		assertThat(emitted).hasSize(8);
		assertThat(emitted).filteredOn((document) -> document.id().equals("27"))
			.singleElement()
			.satisfies((document) -> assertThat(document.totals().events()).isEqualTo(500));
	}

	@Test
	void aCorrectionReplacesTheFiguresOfItsOriginalEvenInAnotherMonthAndASecondOneReplacesTheFirst() {
		this.driver.record(CountingFixtures.fact("evt-1", "09190", MARCH_14, Map.of("minutes", 20L), 100));
		this.driver.correct(correction("evt-1-c1", "evt-1", "09190", LocalDate.of(2025, 4, 2), 30L, 200));
		this.driver.correct(correction("evt-1-c2", "evt-1", "09190", LocalDate.of(2025, 4, 3), 45L, 300));
		flush();

		assertThat(totals("27")).isEqualTo(new Tally(1, 300, Map.of("minutes", 45L)));
		assertThat(this.documents.get("FIGURES:27|27-22-KH-UBND-2025|2025-03").days())
			.isEqualTo(Map.of("14", Map.of("A1", new Tally(0, 0, Map.of("minutes", 0L)))));
		assertThat(this.documents.get("FIGURES:27|27-22-KH-UBND-2025|2025-04").days().get("03"))
			.isEqualTo(Map.of("A1", new Tally(1, 300, Map.of("minutes", 45L))));
	}

	@Test
	void aRetractionTakesBackTheVersionInForceAndALaterCorrectionChangesNothing() {
		this.driver.record(CountingFixtures.fact("evt-1", "09190", MARCH_14, Map.of("minutes", 20L), 100));
		this.driver.correct(correction("evt-1-c1", "evt-1", "09190", MARCH_14, 30L, 100));
		this.driver.retract(new ProgressRetracted("evt-1-r", "evt-1", "09190", "27-22-KH-UBND-2025", "A1", MARCH_14,
				"Nhập trùng", "Nguyễn Thị Hà", null, Instant.parse("2025-03-15T00:00:00Z")));
		this.driver.correct(correction("evt-1-c2", "evt-1", "09190", MARCH_14, 90L, 100));
		flush();

		assertThat(totals("09190")).isEqualTo(new Tally(0, 0, Map.of("minutes", 0L)));
		assertThat(totals("27")).isEqualTo(totals("09190"));
	}

	@Test
	void aFactWaitsForItsUnitAndSoDoesItsCorrectionThenBothCount() {
		this.driver.record(CountingFixtures.fact("evt-new", "09250", MARCH_14, Map.of("minutes", 20L), 0));
		this.driver.correct(correction("evt-new-c", "evt-new", "09250", MARCH_14, 25L, 0));
		flush();
		flush();
		assertThat(this.documents).doesNotContainKey("TOTALS:09250");
		assertThat(this.driver.deadLetters()).isEmpty();

		this.driver.register(
				CountingFixtures.unit("09250", "Xã Dũng Liệt", UnitKind.COMMUNE, "258", LocalDate.of(1999, 8, 9), null),
				CountingFixtures.REGISTERED_AT);
		flush();

		assertThat(totals("09250")).isEqualTo(new Tally(1, 0, Map.of("minutes", 25L)));
		assertThat(totals("258")).isEqualTo(totals("09250"));
		assertThat(totals("27")).isEqualTo(totals("09250"));
	}

	@Test
	void aUnitEventThatIsNotAUnitsStateDoesNotHideTheUnit() {
		this.driver.send("09190",
				Map.of("specversion", "1.0", "id", "merge-1", "source", "/cchc/plan-service", "type",
						"vn.gov.cchc.units.merged.v1", "time", "2025-07-01T00:00:00Z", "data",
						Map.of("successorCode", "09190")));
		this.driver.record(CountingFixtures.fact("evt-1", "09190", MARCH_14, Map.of("minutes", 20L), 0));
		flush();

		assertThat(totals("09190").events()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "{\"type\":\"vn.gov.cchc.progress.recorded.v1\",\"id\":\"x\"}" })
	void aRecordThatCanNeverBeCountedGoesToTheDeadLetterTopicAndTheNextOneCounts(String value) {
		this.driver.sendBytes("09190", value.getBytes(StandardCharsets.UTF_8));
		this.driver.record(CountingFixtures.fact("evt-1", "09190", MARCH_14, Map.of("minutes", 20L), 0));
		flush();

		assertThat(this.driver.deadLetters()).singleElement()
			.satisfies((dead) -> assertThat(new String(dead, StandardCharsets.UTF_8)).isEqualTo(value));
		assertThat(totals("09190").events()).isEqualTo(1);
	}

	@Test
	void figuresThatCouldBreakAFieldPathOrAreNegativeAreRefused() {
		this.driver.record(CountingFixtures.fact("evt-bad-metric", "09190", MARCH_14, Map.of("a.b", 1L), 0));
		this.driver.record(CountingFixtures.fact("evt-negative", "09190", MARCH_14, Map.of("minutes", -1L), 0));
		this.driver.record(CountingFixtures.fact("evt-budget", "09190", MARCH_14, Map.of("minutes", 1L), -5));
		this.driver.correct(correction("evt-orphan", "evt-never", "09190", MARCH_14, 1L, 0));
		flush();

		assertThat(this.driver.deadLetters()).hasSize(4);
		assertThat(this.documents).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 7, 2026 })
	void aRandomLogWithRepeatedIdsSumsToTheStraightforwardSumAndProvinceEqualsItsDistricts(long seed) {
		useInMemoryStores();
		List<CountingFixtures.Delivery> log = CountingFixtures.randomLog(new Random(seed), 2000, 3);
		log.forEach((delivery) -> this.driver.record(delivery.fact()));
		flush();

		Map<String, CountingFixtures.Sum> expected = CountingFixtures.straightforwardSum(log);
		Map<String, CountingFixtures.Sum> counted = new TreeMap<>();
		this.documents.values()
			.stream()
			.filter((document) -> document.kind() == ChangedDocument.Kind.TOTALS)
			.forEach((document) -> counted.put(document.unitCode(), new CountingFixtures.Sum(document.totals().events(),
					document.totals().budgetSpentVnd(), document.totals().quantities())));
		assertThat(counted).isEqualTo(expected);
		assertThat(counted.get("27").events())
			.isEqualTo(counted.get("256").events() + counted.get("258").events() + count(log, "27"));
	}

	private static long count(List<CountingFixtures.Delivery> log, String unitCode) {
		return log.stream()
			.map(CountingFixtures.Delivery::fact)
			.filter((fact) -> fact.unitCode().equals(unitCode))
			.map(ProgressRecorded::eventId)
			.distinct()
			.count();
	}

	private void useInMemoryStores() {
		this.driver.close();
		this.driver = CountingDriver.aloneInMemory();
		CountingFixtures.registerTree(this.driver);
	}

	private void flush() {
		for (ChangedDocument document : this.driver.flush()) {
			this.documents.put(document.kind() + ":" + document.id(), document);
		}
	}

	private Tally totals(String unitCode) {
		ChangedDocument document = this.documents.get("TOTALS:" + unitCode);
		assertThat(document).as("totals of " + unitCode).isNotNull();
		return document.totals();
	}

	private static ProgressCorrected correction(String eventId, String original, String unitCode, LocalDate date,
			long minutes, long budget) {
		Map<String, Long> quantities = new LinkedHashMap<>();
		quantities.put("minutes", minutes);
		return new ProgressCorrected(eventId, original, unitCode, "27-22-KH-UBND-2025", "A1", date, quantities,
				List.of(), budget, "Nguyễn Thị Hà", null, Instant.parse("2025-03-15T00:00:00Z"));
	}

}
