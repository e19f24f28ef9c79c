package vn.gov.cchc.report.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.report.ledger.LedgerApplier.Outcome;
import vn.gov.cchc.report.ledger.LedgerFixtures.CrashingTotals;
import vn.gov.cchc.report.ledger.LedgerFixtures.Delivery;
import vn.gov.cchc.report.ledger.LedgerFixtures.Sum;
import vn.gov.cchc.report.ledger.LedgerFixtures.SimulatedCrash;
import vn.gov.cchc.report.totals.UnitTotals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invariants 1 and 2 at the level of the ledger applier, against a real store and without
 * Kafka: deliveries are simulated as a consumer group would make them, including crashes
 * in the middle of a fact, redelivery from the last commit, whole replays and a zombie
 * consumer racing the partition's new owner.
 */
class ExactlyOnceTests {

	private static final LocalDate MARCH_14 = LocalDate.of(2025, 3, 14);

	private LedgerFixtures.Store store;

	@BeforeEach
	void freshStoreWithTheDemoTree() {
		this.store = LedgerFixtures.Store.fresh("exactly-once");
	}

	@AfterEach
	void dropStore() {
		this.store.database().drop();
	}

	@ParameterizedTest(name = "crash after {0} of 3 totals updates")
	@ValueSource(ints = { 0, 1, 2, 3 })
	void redeliveryAfterACrashInTheMiddleOfAFactCountsItExactlyOnce(int updatesBeforeCrash) {
		ProgressRecorded earlier = LedgerFixtures.fact("evt-earlier-0001", "09193", MARCH_14,
				Map.of("broadcasts", 1L, "minutes", 15L), 200_000);
		ProgressRecorded fact = LedgerFixtures.fact("evt-crashing-0001", "09190", MARCH_14,
				Map.of("broadcasts", 2L, "minutes", 30L), 1_500_000);
		this.store.applier().apply(earlier, 0, 0);

		LedgerApplier dying = this.store.applierWith(new CrashingTotals(this.store.database(), updatesBeforeCrash));
		if (updatesBeforeCrash < 3) {
			assertThatThrownBy(() -> dying.apply(fact, 0, 1)).isInstanceOf(SimulatedCrash.class);
		}
		else {
			// every update made, the process dies before the offset is committed
			assertThat(dying.apply(fact, 0, 1)).isEqualTo(Outcome.RECORDED);
		}
		assertThat(this.store.ledger().find(fact.eventId())).get()
			.satisfies((entry) -> assertThat(entry.rollup()).containsExactly("09190", "256", "27"));
		List<String> rollup = List.of("09190", "256", "27");
		for (int i = 0; i < rollup.size(); i++) {
			long expectedBeforeRedelivery = ((i < updatesBeforeCrash) ? 1 : 0)
					+ ("09190".equals(rollup.get(i)) ? 0 : 1);
			assertThat(events(rollup.get(i))).as("%s right after the crash", rollup.get(i))
				.isEqualTo(expectedBeforeRedelivery);
		}

		assertThat(this.store.applier().apply(fact, 0, 1)).isEqualTo(Outcome.REDELIVERED);
		assertThat(this.store.applier().apply(fact, 0, 1)).isEqualTo(Outcome.REDELIVERED);

		assertThat(figures("09190")).isEqualTo(new Sum(1, 1_500_000, Map.of("broadcasts", 2L, "minutes", 30L)));
		assertThat(figures("09193")).isEqualTo(new Sum(1, 200_000, Map.of("broadcasts", 1L, "minutes", 15L)));
		Sum both = new Sum(2, 1_700_000, Map.of("broadcasts", 3L, "minutes", 45L));
		assertThat(figures("256")).isEqualTo(both);
		assertThat(figures("27")).isEqualTo(both);
		assertThat(this.store.totals().find("258")).isEmpty();
		assertThat(this.store.meters().counter("cchc.ledger.recorded").count()).isEqualTo(2);
	}

	@Test
	void aSecondPublicationOfAnEventIdAtAnotherPositionIsNotCountedAgain() {
		ProgressRecorded fact = LedgerFixtures.fact("evt-twice-0001", "09247", MARCH_14, Map.of("copies", 500L),
				3_000_000);

		assertThat(this.store.applier().apply(fact, 1, 7)).isEqualTo(Outcome.RECORDED);
		assertThat(this.store.applier().apply(fact, 1, 9)).isEqualTo(Outcome.DUPLICATE);
		assertThat(this.store.applier().apply(fact, 2, 7)).isEqualTo(Outcome.DUPLICATE);

		Sum once = new Sum(1, 3_000_000, Map.of("copies", 500L));
		assertThat(figures("09247")).isEqualTo(once);
		assertThat(figures("258")).isEqualTo(once);
		assertThat(figures("27")).isEqualTo(once);
		assertThat(this.store.meters().counter("cchc.ledger.duplicates").count()).isEqualTo(2);
		// One figures document (unit, plan, month) and one totals document per unit of
		// the
		// rollup, each updated once.
		assertThat(this.store.meters().counter("cchc.ledger.aggregated").count()).isEqualTo(6);
	}

	@Test
	void aSecondPublicationSeenBeforeTheFirstIsFinishedLeavesTheFirstToFinishItOnRedelivery() {
		ProgressRecorded fact = LedgerFixtures.fact("evt-race-0001", "09193", MARCH_14, Map.of("minutes", 45L),
				900_000);
		LedgerApplier dying = this.store.applierWith(new CrashingTotals(this.store.database(), 1));
		assertThatThrownBy(() -> dying.apply(fact, 0, 3)).isInstanceOf(SimulatedCrash.class);

		assertThat(this.store.applier().apply(fact, 2, 0)).isEqualTo(Outcome.DUPLICATE);
		assertThat(events("256")).isZero();

		assertThat(this.store.applier().apply(fact, 0, 3)).isEqualTo(Outcome.REDELIVERED);
		Sum once = new Sum(1, 900_000, Map.of("minutes", 45L));
		assertThat(figures("09193")).isEqualTo(once);
		assertThat(figures("256")).isEqualTo(once);
		assertThat(figures("27")).isEqualTo(once);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 20250314L, 7L, 99991L })
	void fiveHundredRandomEventsWithCrashesAndThenTwoWholeReplaysSumExactlyOnce(long seed) {
		Random random = new Random(seed);
		List<Delivery> log = LedgerFixtures.randomLog(random, 500, 3);
		Map<String, Sum> expected = LedgerFixtures.straightforwardSum(log);

		LedgerFixtures.consume(log, random, this.store.applier(), this::crashingAfter, 0.05);
		assertThat(LedgerFixtures.figures(this.store.totals())).isEqualTo(expected);
		long distinct = log.stream().map((delivery) -> delivery.fact().eventId()).distinct().count();
		assertThat(this.store.meters().counter("cchc.ledger.recorded").count()).isEqualTo(distinct);

		for (int replay = 0; replay < 2; replay++) {
			LedgerFixtures.consume(log, random, this.store.applier(), this::crashingAfter, 0.05);
			assertThat(LedgerFixtures.figures(this.store.totals())).as("after replay %d", replay + 1)
				.isEqualTo(expected);
		}
		assertThat(this.store.meters().counter("cchc.ledger.recorded").count()).isEqualTo(distinct);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1L, 2L, 3L })
	void aZombieConsumerAndTheNewOwnerOfThePartitionRacingEachOtherCountEachFactOnce(long seed) throws Exception {
		Random random = new Random(seed);
		List<Delivery> partition = new ArrayList<>();
		for (int offset = 0; offset < 200; offset++) {
			partition.add(new Delivery(LedgerFixtures.randomFact(random, "evt-z" + seed + "-" + offset), 0, offset));
		}
		// Before the rebalance the old owner got to offset 100 but committed only 60.
		int committed = 60;
		int zombieAt = 100;
		for (Delivery delivery : partition.subList(0, zombieAt)) {
			this.store.applier().apply(delivery.fact(), delivery.partition(), delivery.offset());
		}

		ExecutorService threads = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			CompletableFuture<Void> zombie = CompletableFuture
				.runAsync(() -> consumeInOrder(start, partition.subList(zombieAt, partition.size())), threads);
			CompletableFuture<Void> newOwner = CompletableFuture
				.runAsync(() -> consumeInOrder(start, partition.subList(committed, partition.size())), threads);
			start.countDown();
			CompletableFuture.allOf(zombie, newOwner).get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(LedgerFixtures.figures(this.store.totals())).isEqualTo(LedgerFixtures.straightforwardSum(partition));
		assertThat(this.store.totals().find("27")).get().extracting(UnitTotals::applied).isEqualTo(Map.of(0, 199L));
	}

	private void consumeInOrder(CountDownLatch start, List<Delivery> records) {
		LedgerApplier consumer = this.store.applierWith(this.store.totals());
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		for (Delivery delivery : records) {
			consumer.apply(delivery.fact(), delivery.partition(), delivery.offset());
		}
	}

	private LedgerApplier crashingAfter(int updates) {
		return this.store.applierWith(new CrashingTotals(this.store.database(), updates));
	}

	private long events(String unitCode) {
		return this.store.totals().find(unitCode).map(UnitTotals::events).orElse(0L);
	}

	private Sum figures(String unitCode) {
		return this.store.totals().find(unitCode).map(Sum::of).orElseThrow();
	}

}
