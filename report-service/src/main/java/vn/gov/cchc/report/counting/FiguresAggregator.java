package vn.gov.cchc.report.counting;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import vn.gov.cchc.report.figures.Tally;

/**
 * The second stage, after the roll-up repartition (keyed by the unit whose figures
 * change): sums the deltas per unit, plan, activity and day in {@value #CELLS} and per
 * unit in {@value #TOTALS}, and marks what they change in {@value #CHANGED}. Every
 * {@code flushInterval} a punctuation emits each changed document once, with its next
 * version and the whole state of each of its days and activities that changed, however
 * many facts changed them: store writes downstream follow the documents changed, not the
 * events, and a flush costs what changed, not the size of the documents.
 * <p>
 * The marks are a store, not a field, so that they commit with the sums: a crash after a
 * commit and before the flush leaves them to the next owner of the partition.
 */
final class FiguresAggregator implements Processor<String, Delta, String, ChangedDocument> {

	/** Figures per {@code unit|plan|yyyy-MM|dd|activity}. */
	static final String CELLS = "figures-cells";

	/** Totals per unit. */
	static final String TOTALS = "unit-totals";

	/**
	 * What changed since the last flush: {@code F|<cell>} for a figures cell,
	 * {@code T|<unit>} for a unit's totals.
	 */
	static final String CHANGED = "changed-since-flush";

	/** How many times each document was emitted. */
	static final String VERSIONS = "document-versions";

	private static final String FIGURES_PREFIX = "F|";

	private static final String TOTALS_PREFIX = "T|";

	private static final Integer MARK = 0;

	private final CountingMetrics metrics;

	private final Duration flushInterval;

	private ProcessorContext<String, ChangedDocument> context;

	private KeyValueStore<String, Tally> cells;

	private KeyValueStore<String, Tally> totals;

	private KeyValueStore<String, Integer> changed;

	private KeyValueStore<String, Long> versions;

	private FiguresAggregator(CountingMetrics metrics, Duration flushInterval) {
		this.metrics = metrics;
		this.flushInterval = flushInterval;
	}

	static ProcessorSupplier<String, Delta, String, ChangedDocument> supplier(CountingMetrics metrics,
			Duration flushInterval, Function<String, KeyValueBytesStoreSupplier> stores) {
		return new ProcessorSupplier<>() {

			@Override
			public Processor<String, Delta, String, ChangedDocument> get() {
				return new FiguresAggregator(metrics, flushInterval);
			}

			@Override
			public Set<StoreBuilder<?>> stores() {
				return Set.of(
						Stores.keyValueStoreBuilder(stores.apply(CELLS), Serdes.String(), Delta.TallyCodec.SERDE)
							.withCachingEnabled(),
						Stores.keyValueStoreBuilder(stores.apply(TOTALS), Serdes.String(), Delta.TallyCodec.SERDE)
							.withCachingEnabled(),
						Stores.keyValueStoreBuilder(stores.apply(CHANGED), Serdes.String(), Serdes.Integer())
							.withCachingEnabled(),
						Stores.keyValueStoreBuilder(stores.apply(VERSIONS), Serdes.String(), Serdes.Long())
							.withCachingEnabled());
			}

		};
	}

	@Override
	public void init(ProcessorContext<String, ChangedDocument> context) {
		this.context = context;
		this.cells = context.getStateStore(CELLS);
		this.totals = context.getStateStore(TOTALS);
		this.changed = context.getStateStore(CHANGED);
		this.versions = context.getStateStore(VERSIONS);
		context.schedule(this.flushInterval, PunctuationType.WALL_CLOCK_TIME, (now) -> flush());
	}

	@Override
	public void process(Record<String, Delta> record) {
		String unitCode = record.key();
		Delta delta = record.value();
		String cell = unitCode + "|" + delta.planId() + "|" + YearMonth.from(delta.date()) + "|"
				+ day(delta.date().getDayOfMonth()) + "|" + delta.activityId();
		add(this.cells, cell, delta.tally());
		add(this.totals, unitCode, delta.tally());
		// Marks, not counts: the store's cache keeps one entry per key between commits.
		this.changed.put(FIGURES_PREFIX + cell, MARK);
		this.changed.put(TOTALS_PREFIX + unitCode, MARK);
	}

	private static void add(KeyValueStore<String, Tally> store, String key, Tally tally) {
		Tally sum = store.get(key);
		store.put(key, (sum != null) ? sum.plus(tally) : tally);
	}

	private void flush() {
		List<String> marks = new ArrayList<>();
		try (KeyValueIterator<String, Integer> iterator = this.changed.all()) {
			iterator.forEachRemaining((mark) -> marks.add(mark.key));
		}
		// Sorted by key, so a document's cells come together: one record per document.
		String month = null;
		Map<String, Map<String, Tally>> days = new TreeMap<>();
		int emitted = 0;
		for (String mark : marks) {
			if (mark.startsWith(TOTALS_PREFIX)) {
				String unitCode = mark.substring(TOTALS_PREFIX.length());
				Tally totals = this.totals.get(unitCode);
				emit(mark, new ChangedDocument(ChangedDocument.Kind.TOTALS, unitCode, null, null, nextVersion(mark),
						Map.of(), (totals != null) ? totals : Tally.ZERO));
				emitted++;
			}
			else {
				String cell = mark.substring(FIGURES_PREFIX.length());
				int activityStart = cell.lastIndexOf('|');
				int dayStart = cell.lastIndexOf('|', activityStart - 1);
				String cellMonth = cell.substring(0, dayStart);
				if (!cellMonth.equals(month)) {
					if (month != null) {
						emitFigures(month, days);
						emitted++;
					}
					month = cellMonth;
					days = new TreeMap<>();
				}
				Tally tally = this.cells.get(cell);
				days.computeIfAbsent(cell.substring(dayStart + 1, activityStart), (day) -> new TreeMap<>())
					.put(cell.substring(activityStart + 1), (tally != null) ? tally : Tally.ZERO);
			}
			this.changed.delete(mark);
		}
		if (month != null) {
			emitFigures(month, days);
			emitted++;
		}
		this.metrics.documents(emitted);
	}

	private void emitFigures(String month, Map<String, Map<String, Tally>> days) {
		String[] parts = month.split("\\|");
		String key = FIGURES_PREFIX + month;
		emit(key, new ChangedDocument(ChangedDocument.Kind.FIGURES, parts[0], parts[1], parts[2], nextVersion(key),
				days, null));
	}

	private void emit(String key, ChangedDocument document) {
		this.context.forward(new Record<>(key.substring(2), document, this.context.currentSystemTimeMs()));
	}

	private long nextVersion(String key) {
		Long previous = this.versions.get(key);
		long version = (previous != null) ? previous + 1 : 1;
		this.versions.put(key, version);
		return version;
	}

	private static String day(int dayOfMonth) {
		return (dayOfMonth < 10) ? "0" + dayOfMonth : String.valueOf(dayOfMonth);
	}

}
