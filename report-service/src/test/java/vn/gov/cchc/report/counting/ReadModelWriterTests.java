package vn.gov.cchc.report.counting;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.FiguresWritten;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.totals.Totals;
import vn.gov.cchc.testing.MongoTestStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model's writer against the test store: a batch coalesces to one change per
 * document, and a store that refuses a write delays the batch, never drops it.
 */
class ReadModelWriterTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final MongoDatabase database = MongoTestStore.freshDatabase("read-model");

	@AfterEach
	void drop() {
		this.database.drop();
	}

	@Test
	void aBatchIsWrittenOncePerDocumentWithTheLastStateOfEachCellAndTheStoreRefusingItDelaysItOnly() {
		AtomicInteger refusals = new AtomicInteger(2);
		Figures figures = new Figures(this.database) {

			@Override
			public void writeAll(Collection<MonthChange> changes) {
				if (refusals.getAndDecrement() > 0) {
					throw new MongoException("store away");
				}
				super.writeAll(changes);
			}

		};
		List<Object> published = new ArrayList<>();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ReadModelWriter writer = new ReadModelWriter(figures, new Totals(this.database), published::add,
				Clock.systemUTC(), meters, Duration.ofMillis(10));

		writer.write(List.of(figures("01", "A1", 1, 1), figures("01", "A1", 2, 2), figures("02", "A2", 5, 3),
				totals(3, 1), totals(7, 2)));

		Tally first = new Tally(2, 0, Map.of("broadcasts", 2L));
		assertThat(figures.find("27", "P", java.time.YearMonth.of(2022, 5))).get().satisfies((month) -> {
			assertThat(month.days().get(java.time.LocalDate.of(2022, 5, 1))).containsEntry("A1", first);
			assertThat(month.days().get(java.time.LocalDate.of(2022, 5, 2))).containsEntry("A2",
					new Tally(5, 0, Map.of("broadcasts", 5L)));
		});
		assertThat(new Totals(this.database).find("27")).get()
			.satisfies((unit) -> assertThat(unit.events()).isEqualTo(7));
		assertThat(meters.counter("cchc.readmodel.store.failures").count()).isEqualTo(2);
		assertThat(published).singleElement()
			.satisfies((event) -> assertThat(((FiguresWritten) event).changes()).singleElement()
				.satisfies((change) -> assertThat(change.changeId()).isEqualTo("27|P|2022-05@3")));
	}

	private byte[] figures(String day, String activity, long events, long version) {
		return this.json.writeValueAsBytes(new ChangedDocument(ChangedDocument.Kind.FIGURES, "27", "P", "2022-05",
				version, Map.of(day, Map.of(activity, new Tally(events, 0, Map.of("broadcasts", events)))), null));
	}

	private byte[] totals(long events, long version) {
		return this.json.writeValueAsBytes(new ChangedDocument(ChangedDocument.Kind.TOTALS, "27", null, null, version,
				Map.of(), new Tally(events, 0, Map.of())));
	}

}
