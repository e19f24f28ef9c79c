package vn.gov.cchc.report.ledger;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.ProgressCorrected;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.ProgressRetracted;
import vn.gov.cchc.report.cloudevent.PoisonEventException;
import vn.gov.cchc.report.figures.FiguresChanged;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.ledger.LedgerApplier.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Corrections and retractions are new facts that point at a report: each takes back the
 * version in force and (a correction) adds its own, on every unit of the roll-up, in the
 * month and day they belong to; redeliveries and old consumers change nothing.
 */
class CorrectionsTests {

	private static final String PLAN = "27-22-KH-UBND-2025";

	private static final LocalDate MARCH_14 = LocalDate.of(2025, 3, 14);

	private static final LocalDate APRIL_2 = LocalDate.of(2025, 4, 2);

	private LedgerFixtures.Store store;

	@BeforeEach
	void freshStore() {
		this.store = LedgerFixtures.Store.fresh("corrections");
	}

	@AfterEach
	void dropStore() {
		this.store.database().drop();
	}

	@Test
	void aCorrectionReplacesTheFiguresOfItsOriginalEvenInAnotherMonth() {
		this.store.applier().apply(original(), 0, 0);

		assertThat(this.store.applier().apply(correction("evt-fix-000001", APRIL_2, 3L), 0, 1))
			.isEqualTo(Outcome.RECORDED);

		for (String unitCode : List.of("09190", "256", "27")) {
			assertThat(this.store.figures().total(unitCode, PLAN, MARCH_14, MARCH_14)).as(unitCode)
				.isEqualTo(new Tally(0, 0, Map.of("broadcasts", 0L, "minutes", 0L)));
			assertThat(this.store.figures().total(unitCode, PLAN, APRIL_2, APRIL_2)).as(unitCode)
				.isEqualTo(new Tally(1, 250_000, Map.of("broadcasts", 3L, "minutes", 45L)));
		}
		assertThat(this.store.totals().find("27")).get()
			.satisfies((totals) -> assertThat(totals.events()).isEqualTo(1));
		assertThat(this.store.ledger().currentVersionOf("evt-orig-000001")).contains("evt-fix-000001");
		assertThat(this.store.published()).last()
			.isInstanceOfSatisfying(FiguresChanged.class,
					(changed) -> assertThat(changed.dates()).containsExactlyInAnyOrder(MARCH_14, APRIL_2));
	}

	@Test
	void aSecondCorrectionReplacesTheFirstAndAnOldRedeliveryDoesNotBringItBack() {
		this.store.applier().apply(original(), 0, 0);
		this.store.applier().apply(correction("evt-fix-000001", MARCH_14, 3L), 0, 1);
		this.store.applier().apply(correction("evt-fix-000002", MARCH_14, 5L), 0, 2);

		// A consumer that is behind redelivers the first correction.
		assertThat(this.store.applier().apply(correction("evt-fix-000001", MARCH_14, 3L), 0, 1))
			.isEqualTo(Outcome.REDELIVERED);

		assertThat(this.store.ledger().currentVersionOf("evt-orig-000001")).contains("evt-fix-000002");
		assertThat(this.store.figures().byActivity("27", PLAN, MARCH_14, MARCH_14)).containsEntry("HD07",
				new Tally(1, 250_000, Map.of("broadcasts", 5L, "minutes", 75L)));
	}

	@Test
	void aRetractionTakesBackTheVersionInForceAndALaterCorrectionChangesNothing() {
		this.store.applier().apply(original(), 0, 0);
		this.store.applier().apply(correction("evt-fix-000001", MARCH_14, 3L), 0, 1);

		this.store.applier().apply(retraction(), 0, 2);
		this.store.applier().apply(correction("evt-fix-000003", MARCH_14, 9L), 0, 3);

		for (String unitCode : List.of("09190", "256", "27")) {
			Tally march = this.store.figures().total(unitCode, PLAN, MARCH_14.withDayOfMonth(1), MARCH_14);
			assertThat(march.events()).as(unitCode).isZero();
			assertThat(march.quantity("broadcasts")).as(unitCode).isZero();
			assertThat(this.store.totals().find(unitCode).orElseThrow().events()).as(unitCode).isZero();
		}
		assertThat(this.store.ledger().find("evt-fix-000003")).get()
			.satisfies((entry) -> assertThat(entry.effects()).isEmpty());
		assertThat(this.store.ledger().count()).isEqualTo(4);
	}

	@Test
	void aCorrectionOfAReportTheLedgerNeverHadIsPoison() {
		assertThatThrownBy(() -> this.store.applier().apply(correction("evt-fix-000001", MARCH_14, 3L), 0, 0))
			.isInstanceOf(PoisonEventException.class)
			.hasMessageContaining("evt-orig-000001");
		assertThat(this.store.ledger().count()).isZero();
	}

	@Test
	void figuresOfAMonthAreKeptPerDayAndActivity() {
		this.store.applier().apply(original(), 0, 0);
		this.store.applier()
			.apply(new ProgressRecorded("evt-other-00001", "09193", PLAN, "HD1.2", MARCH_14.plusDays(1),
					Map.of("participants", 40L), List.of(), 0, "Lê Văn An", Instant.parse("2025-03-15T08:00:00Z")), 1,
					0);

		assertThat(this.store.figures().find("256", PLAN, YearMonth.of(2025, 3))).get().satisfies((month) -> {
			assertThat(month.days()).containsOnlyKeys(MARCH_14, MARCH_14.plusDays(1));
			assertThat(month.days().get(MARCH_14.plusDays(1))).containsOnlyKeys("HD1.2");
		});
		assertThat(this.store.figures().daily("27", PLAN, MARCH_14, MARCH_14)).containsOnlyKeys(MARCH_14);
	}

	private static ProgressRecorded original() {
		return new ProgressRecorded("evt-orig-000001", "09190", PLAN, "HD07", MARCH_14,
				Map.of("broadcasts", 2L, "minutes", 30L), List.of(URI.create("https://vuninh.bacninh.gov.vn/a")),
				250_000, "Nguyễn Thị Hà", Instant.parse("2025-03-14T09:30:00Z"));
	}

	private static ProgressCorrected correction(String eventId, LocalDate date, long broadcasts) {
		return new ProgressCorrected(eventId, "evt-orig-000001", "09190", PLAN, "HD07", date,
				Map.of("broadcasts", broadcasts, "minutes", 15 * broadcasts),
				List.of(URI.create("https://vuninh.bacninh.gov.vn/a")), 250_000, "Nguyễn Thị Hà", "Sửa số buổi phát",
				Instant.parse("2025-04-03T09:30:00Z"));
	}

	private static ProgressRetracted retraction() {
		return new ProgressRetracted("evt-back-000001", "evt-orig-000001", "09190", PLAN, "HD07", MARCH_14,
				"Báo cáo nhầm đơn vị", "Nguyễn Thị Hà", null, Instant.parse("2025-04-04T09:30:00Z"));
	}

}
