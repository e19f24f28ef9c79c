package vn.gov.cchc.report.counting;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.report.figures.Tally;

/**
 * The second stage of the counting: sums the deltas per unit, plan, activity and day, and
 * emits each changed document once per flush.
 *
 * <p>
 * Why: docs/reporting.md, "The second stage, summing and flushing (FiguresAggregator)".
 */
final class FiguresAggregator implements Processor<String, Delta, String, ChangedDocument> {

	/** Figures per {@code unit|plan|yyyy-MM|dd|activity}. */
	static final String CELLS = "figures-cells";

	/** Totals per unit. */
	static final String TOTALS = "unit-totals";

	/**
	 * The documents changed since the last flush: {@code F|unit|plan|yyyy-MM} for
	 * figures, {@code T|<unit>} for a unit's totals.
	 */
	static final String CHANGED = "changed-since-flush";

	/** How many times each document was emitted. */
	static final String VERSIONS = "document-versions";

	private static final String FIGURES_PREFIX = "F|";

	private static final String TOTALS_PREFIX = "T|";

	private static final Integer MARK = 0;

	/** Stands for every cell of a document. */
	private static final Set<String> WHOLE = Collections.unmodifiableSet(new HashSet<>());

	/** How many cells and totals are kept parsed beside their stores. */
	private static final int PARSED_ENTRIES = 100_000;

	private final CountingMetrics metrics;

	private final Duration flushInterval;

	private ProcessorContext<String, ChangedDocument> context;

	private KeyValueStore<String, Tally> cells;

	private KeyValueStore<String, Tally> totals;

	private KeyValueStore<String, Integer> changed;

	private KeyValueStore<String, Long> versions;

	/**
	 * Per figures document marked since the last flush, its cells that changed
	 * ({@code dd|activity}), or {@link #WHOLE} for one marked before this instance took
	 * the task (which cells changed died with the instance before).
	 */
	private final Map<String, Set<String>> changedCells = new HashMap<>();

	/** The units whose totals were marked since the last flush. */
	private final Set<String> changedTotals = new HashSet<>();

	/**
	 * The newest sums this processor wrote, parsed, so that adding to a cell reads no
	 * store; only ever what was written to the store in this life of the task (cleared on
	 * init).
	 */
	private final Map<String, Tally> parsed = new LinkedHashMap<>(1024, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
			return size() > PARSED_ENTRIES;
		}

	};

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
						// In memory, changelogged: small, and in RocksDB each flush's
						// scan steps over the deletes of the flushes before it.
						Stores
							.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CHANGED), Serdes.String(),
									Serdes.Integer())
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
		// A task starts again (restart, rebalance, transaction given up) from
		// what its stores hold, never from what this instance had in memory.
		this.changedCells.clear();
		this.changedTotals.clear();
		this.parsed.clear();
		try (KeyValueIterator<String, Integer> iterator = this.changed.all()) {
			iterator.forEachRemaining((mark) -> {
				if (mark.key.startsWith(FIGURES_PREFIX)) {
					this.changedCells.put(mark.key.substring(FIGURES_PREFIX.length()), WHOLE);
				}
				else {
					this.changedTotals.add(mark.key.substring(TOTALS_PREFIX.length()));
				}
			});
		}
		context.schedule(this.flushInterval, PunctuationType.WALL_CLOCK_TIME, (now) -> flush());
	}

	@Override
	public void process(Record<String, Delta> record) {
		Delta delta = record.value();
		String documentTail = "|" + delta.planId() + "|" + YearMonth.from(delta.date());
		String dayAndActivity = day(delta.date().getDayOfMonth()) + "|" + delta.activityId();
		for (String unitCode : delta.units()) {
			String document = unitCode + documentTail;
			add(this.cells, FIGURES_PREFIX + document + "|" + dayAndActivity, delta.tally());
			add(this.totals, TOTALS_PREFIX + unitCode, delta.tally());
			Set<String> cellsOfDocument = this.changedCells.get(document);
			if (cellsOfDocument == null) {
				cellsOfDocument = new HashSet<>();
				this.changedCells.put(document, cellsOfDocument);
				this.changed.put(FIGURES_PREFIX + document, MARK);
			}
			if (cellsOfDocument != WHOLE) {
				cellsOfDocument.add(dayAndActivity);
			}
			if (this.changedTotals.add(unitCode)) {
				this.changed.put(TOTALS_PREFIX + unitCode, MARK);
			}
		}
	}

	/**
	 * Adds to a cell or a unit's totals; {@code key} is the store key behind its prefix.
	 */
	private void add(KeyValueStore<String, Tally> store, String key, Tally tally) {
		Tally sum = read(store, key);
		Tally next = (sum != null) ? sum.plus(tally) : tally;
		store.put(key.substring(2), next);
		this.parsed.put(key, next);
	}

	private @Nullable Tally read(KeyValueStore<String, Tally> store, String key) {
		Tally known = this.parsed.get(key);
		return (known != null) ? known : store.get(key.substring(2));
	}

	private void flush() {
		List<String> marks = new ArrayList<>();
		try (KeyValueIterator<String, Integer> iterator = this.changed.all()) {
			iterator.forEachRemaining((mark) -> marks.add(mark.key));
		}
		for (String mark : marks) {
			if (mark.startsWith(TOTALS_PREFIX)) {
				String unitCode = mark.substring(TOTALS_PREFIX.length());
				Tally totals = read(this.totals, mark);
				emit(mark, new ChangedDocument(ChangedDocument.Kind.TOTALS, unitCode, null, null, nextVersion(mark),
						Map.of(), (totals != null) ? totals : Tally.ZERO));
			}
			else {
				emitFigures(mark, mark.substring(FIGURES_PREFIX.length()));
			}
			this.changed.delete(mark);
		}
		this.changedCells.clear();
		this.changedTotals.clear();
		this.metrics.documents(marks.size());
	}

	/**
	 * Emits a figures document: the cells that changed since the last flush, or every
	 * cell of it if this instance does not know which (it was marked before a restart).
	 */
	private void emitFigures(String mark, String document) {
		Map<String, Map<String, Tally>> days = new TreeMap<>();
		Set<String> changedOfDocument = this.changedCells.getOrDefault(document, WHOLE);
		if (changedOfDocument != WHOLE) {
			for (String dayAndActivity : changedOfDocument) {
				Tally tally = read(this.cells, FIGURES_PREFIX + document + "|" + dayAndActivity);
				put(days, dayAndActivity, (tally != null) ? tally : Tally.ZERO);
			}
		}
		else {
			try (KeyValueIterator<String, Tally> iterator = this.cells.prefixScan(document + "|",
					Serdes.String().serializer())) {
				iterator.forEachRemaining((cell) -> put(days, cell.key.substring(document.length() + 1), cell.value));
			}
		}
		String[] parts = document.split("\\|");
		emit(mark, new ChangedDocument(ChangedDocument.Kind.FIGURES, parts[0], parts[1], parts[2], nextVersion(mark),
				days, null));
	}

	private static void put(Map<String, Map<String, Tally>> days, String dayAndActivity, Tally tally) {
		int separator = dayAndActivity.indexOf('|');
		days.computeIfAbsent(dayAndActivity.substring(0, separator), (day) -> new TreeMap<>())
			.put(dayAndActivity.substring(separator + 1), tally);
	}

	private void emit(String mark, ChangedDocument document) {
		this.context.forward(new Record<>(mark.substring(2), document, this.context.currentSystemTimeMs()));
	}

	private long nextVersion(String mark) {
		Long previous = this.versions.get(mark);
		long version = (previous != null) ? previous + 1 : 1;
		this.versions.put(mark, version);
		return version;
	}

	private static String day(int dayOfMonth) {
		return (dayOfMonth < 10) ? "0" + dayOfMonth : String.valueOf(dayOfMonth);
	}

}
