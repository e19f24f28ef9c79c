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
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
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
 * unit in {@value #TOTALS}, and marks the read-model documents they change in
 * {@value #CHANGED}. Every {@code flushInterval} a punctuation emits each changed
 * document once, whole, with its next version, however many facts changed it: store
 * writes downstream follow the documents changed, not the events.
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
	 * The documents changed since the last flush, each with a mask of its changed days.
	 */
	static final String CHANGED = "changed-documents";

	/** How many times each document was emitted. */
	static final String VERSIONS = "document-versions";

	private static final String FIGURES_PREFIX = "F|";

	private static final String TOTALS_PREFIX = "T|";

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
						Stores.keyValueStoreBuilder(stores.apply(VERSIONS), Serdes.String(), Serdes.Long()));
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
		String month = YearMonth.from(delta.date()).toString();
		String cell = unitCode + "|" + delta.planId() + "|" + month + "|" + day(delta.date().getDayOfMonth()) + "|"
				+ delta.activityId();
		add(this.cells, cell, delta.tally());
		add(this.totals, unitCode, delta.tally());
		String figures = FIGURES_PREFIX + unitCode + "|" + delta.planId() + "|" + month;
		Integer days = this.changed.get(figures);
		int mask = ((days != null) ? days : 0) | (1 << delta.date().getDayOfMonth());
		if (days == null || days != mask) {
			this.changed.put(figures, mask);
		}
		if (this.changed.get(TOTALS_PREFIX + unitCode) == null) {
			this.changed.put(TOTALS_PREFIX + unitCode, 0);
		}
	}

	private static void add(KeyValueStore<String, Tally> store, String key, Tally tally) {
		Tally sum = store.get(key);
		store.put(key, (sum != null) ? sum.plus(tally) : tally);
	}

	private void flush() {
		List<KeyValue<String, Integer>> marks = new ArrayList<>();
		try (KeyValueIterator<String, Integer> iterator = this.changed.all()) {
			iterator.forEachRemaining(marks::add);
		}
		for (KeyValue<String, Integer> mark : marks) {
			Long previous = this.versions.get(mark.key);
			long version = (previous != null) ? previous + 1 : 1;
			this.versions.put(mark.key, version);
			this.context.forward(new Record<>(mark.key.substring(2), document(mark.key, mark.value, version),
					this.context.currentSystemTimeMs()));
			this.changed.delete(mark.key);
		}
		this.metrics.documents(marks.size());
	}

	private ChangedDocument document(String key, int mask, long version) {
		if (key.startsWith(TOTALS_PREFIX)) {
			String unitCode = key.substring(TOTALS_PREFIX.length());
			Tally totals = this.totals.get(unitCode);
			return new ChangedDocument(ChangedDocument.Kind.TOTALS, unitCode, null, null, version, List.of(), Map.of(),
					(totals != null) ? totals : Tally.ZERO);
		}
		String[] parts = key.substring(FIGURES_PREFIX.length()).split("\\|");
		String prefix = parts[0] + "|" + parts[1] + "|" + parts[2] + "|";
		Map<String, Map<String, Tally>> days = new TreeMap<>();
		try (KeyValueIterator<String, Tally> month = this.cells.prefixScan(prefix, new StringSerializer())) {
			month.forEachRemaining((cell) -> {
				String rest = cell.key.substring(prefix.length());
				int separator = rest.indexOf('|');
				days.computeIfAbsent(rest.substring(0, separator), (day) -> new TreeMap<>())
					.put(rest.substring(separator + 1), cell.value);
			});
		}
		List<Integer> changedDays = new ArrayList<>();
		for (int day = 1; day <= 31; day++) {
			if ((mask & (1 << day)) != 0) {
				changedDays.add(day);
			}
		}
		return new ChangedDocument(ChangedDocument.Kind.FIGURES, parts[0], parts[1], parts[2], version, changedDays,
				days, null);
	}

	private static String day(int dayOfMonth) {
		return (dayOfMonth < 10) ? "0" + dayOfMonth : String.valueOf(dayOfMonth);
	}

}
