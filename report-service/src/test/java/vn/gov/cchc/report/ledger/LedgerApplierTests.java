package vn.gov.cchc.report.ledger;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.cloudevent.PoisonEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which units a fact counts for, and what the applier refuses before writing anything.
 */
class LedgerApplierTests {

	private static final LocalDate MARCH_14 = LocalDate.of(2025, 3, 14);

	private LedgerFixtures.Store store;

	@BeforeEach
	void freshStoreWithTheDemoTree() {
		this.store = LedgerFixtures.Store.fresh("ledger-applier");
	}

	@AfterEach
	void dropStore() {
		this.store.database().drop();
	}

	@Test
	void recordsTheFactWithItsPositionAndTheUnitsItCountsFor() {
		ProgressRecorded fact = LedgerFixtures.fact("evt-ledger-0001", "09247", MARCH_14, Map.of("broadcasts", 4L),
				250_000);

		this.store.applier().apply(fact, 2, 41);

		assertThat(this.store.ledger().find("evt-ledger-0001")).get().satisfies((entry) -> {
			assertThat(entry.partition()).isEqualTo(2);
			assertThat(entry.offset()).isEqualTo(41);
			assertThat(entry.rollup()).containsExactly("09247", "258", "27");
			assertThat(entry.quantities()).isEqualTo(Map.of("broadcasts", 4L));
			assertThat(entry.date()).isEqualTo(MARCH_14);
			assertThat(entry.evidence()).isEqualTo(fact.evidence());
			assertThat(entry.recordedAt()).isEqualTo(fact.recordedAt());
		});
		assertThat(this.store.totals().find("258")).get().satisfies((district) -> {
			assertThat(district.events()).isEqualTo(1);
			assertThat(district.applied()).isEqualTo(Map.of(2, 41L));
		});
	}

	@Test
	void anAncestorNotValidOnTheFactsDateIsLeftOutOfTheRollup() {
		// A commune that outlives its district (valid to 30 June 2025) reports in July.
		this.store.units()
			.record(LedgerFixtures.unit("09250", "Xã Dũng Liệt", UnitKind.COMMUNE, "258", LocalDate.of(1999, 8, 9),
					null), LedgerFixtures.REGISTERED_AT);
		ProgressRecorded july = LedgerFixtures.fact("evt-july-0001", "09250", LocalDate.of(2025, 7, 10),
				Map.of("minutes", 20L), 0);

		this.store.applier().apply(july, 0, 0);

		assertThat(this.store.ledger().find("evt-july-0001")).get()
			.satisfies((entry) -> assertThat(entry.rollup()).containsExactly("09250", "27"));
		assertThat(this.store.totals().find("258")).isEmpty();
		assertThat(this.store.totals().find("27")).isPresent();
	}

	@Test
	void aFactOfAnUnknownUnitIsRetriedLaterAndWritesNothing() {
		ProgressRecorded fact = LedgerFixtures.fact("evt-unknown-0001", "09253", MARCH_14, Map.of("minutes", 20L), 0);

		assertThatThrownBy(() -> this.store.applier().apply(fact, 0, 0)).isInstanceOf(UnitNotYetKnownException.class)
			.hasMessageContaining("09253");

		assertThat(this.store.ledger().find("evt-unknown-0001")).isEmpty();
		assertThat(this.store.totals().findAll()).isEmpty();
		assertThat(this.store.meters().counter("cchc.ledger.unit.unknown").count()).isEqualTo(1);
	}

	@Test
	void aFactWhoseParentIsNotKnownYetIsRetriedLater() {
		this.store.units()
			.record(LedgerFixtures.unit("09253", "Xã Tam Đa", UnitKind.COMMUNE, "259", LocalDate.of(1999, 8, 9), null),
					LedgerFixtures.REGISTERED_AT);
		ProgressRecorded fact = LedgerFixtures.fact("evt-orphan-0001", "09253", MARCH_14, Map.of("minutes", 20L), 0);

		assertThatThrownBy(() -> this.store.applier().apply(fact, 0, 0)).isInstanceOf(UnitNotYetKnownException.class)
			.hasMessageContaining("259");
		assertThat(this.store.ledger().find("evt-orphan-0001")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "minutes.total", "$inc", "Minutes", "9lives", "phút", "" })
	void aMetricNameThatCouldBreakAFieldPathIsPoison(String metric) {
		ProgressRecorded fact = LedgerFixtures.fact("evt-metric-0001", "09190", MARCH_14, Map.of(metric, 1L), 0);

		assertThatThrownBy(() -> this.store.applier().apply(fact, 0, 0)).isInstanceOf(PoisonEventException.class);
		assertThat(this.store.ledger().find("evt-metric-0001")).isEmpty();
		assertThat(this.store.totals().findAll()).isEmpty();
	}

	@Test
	void negativeFiguresArePoison() {
		ProgressRecorded quantity = LedgerFixtures.fact("evt-negative-01", "09190", MARCH_14, Map.of("minutes", -5L),
				0);
		ProgressRecorded budget = LedgerFixtures.fact("evt-negative-02", "09190", MARCH_14, Map.of("minutes", 5L), -1);

		assertThatThrownBy(() -> this.store.applier().apply(quantity, 0, 0)).isInstanceOf(PoisonEventException.class);
		assertThatThrownBy(() -> this.store.applier().apply(budget, 0, 1)).isInstanceOf(PoisonEventException.class);
		assertThat(this.store.totals().findAll()).isEmpty();
	}

}
