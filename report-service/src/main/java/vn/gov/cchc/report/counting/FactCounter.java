package vn.gov.cchc.report.counting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.DatedUnitTree;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressCorrected;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.ProgressRetracted;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.messaging.PoisonEventException;
import vn.gov.cchc.messaging.ReceivedCloudEvent;
import vn.gov.cchc.report.figures.Figures;
import vn.gov.cchc.report.figures.Tally;
import vn.gov.cchc.report.unit.UnknownUnitException;

import org.springframework.kafka.support.serializer.JacksonJsonSerde;

/**
 * The first stage of the counting: reads {@code cchc.progress}, counts each event id
 * once, and turns each fact into the changes it makes to every unit of its roll-up.
 *
 * <p>
 * Why: docs/reporting.md, "The first stage, counting each fact once (FactCounter)".
 */
final class FactCounter implements Processor<String, byte[], String, FactOutcome> {

	/** Every counted event id and what its version added. */
	static final String FACTS = "progress-facts";

	/** Facts waiting for their unit, by unit and position. */
	static final String WAITING = "progress-waiting";

	private static final char SEPARATOR = '\u0001';

	private final CloudEventJson reader;

	private final CountingMetrics metrics;

	private final Duration retryInterval;

	private ProcessorContext<String, FactOutcome> context;

	private KeyValueStore<String, StoredFact> facts;

	private KeyValueStore<String, byte[]> waiting;

	private UnitsView.Lookup units;

	private final Set<String> waitingUnits = new HashSet<>();

	private FactCounter(CloudEventJson reader, CountingMetrics metrics, Duration retryInterval) {
		this.reader = reader;
		this.metrics = metrics;
		this.retryInterval = retryInterval;
	}

	static ProcessorSupplier<String, byte[], String, FactOutcome> supplier(CloudEventJson reader,
			CountingMetrics metrics, Duration retryInterval, Function<String, KeyValueBytesStoreSupplier> stores) {
		return new ProcessorSupplier<>() {

			@Override
			public Processor<String, byte[], String, FactOutcome> get() {
				return new FactCounter(reader, metrics, retryInterval);
			}

			@Override
			public Set<StoreBuilder<?>> stores() {
				return Set.of(
						Stores.keyValueStoreBuilder(stores.apply(FACTS), Serdes.String(),
								new JacksonJsonSerde<>(StoredFact.class).noTypeInfo()),
						Stores.keyValueStoreBuilder(stores.apply(WAITING), Serdes.String(), Serdes.ByteArray()));
			}

		};
	}

	@Override
	public void init(ProcessorContext<String, FactOutcome> context) {
		this.context = context;
		this.facts = context.getStateStore(FACTS);
		this.waiting = context.getStateStore(WAITING);
		this.units = new UnitsView.Lookup(context.getStateStore(UnitsView.STORE), this.reader);
		// Which units have facts waiting, kept in memory so that a fact of any other unit
		// (nearly all of them) costs no store scan; the store, restored before this runs,
		// is the truth.
		try (KeyValueIterator<String, byte[]> iterator = this.waiting.all()) {
			iterator.forEachRemaining((entry) -> this.waitingUnits.add(unitOf(entry.key)));
		}
		context.schedule(this.retryInterval, PunctuationType.WALL_CLOCK_TIME, (now) -> retryWaiting());
	}

	@Override
	public void process(Record<String, byte[]> record) {
		Fact fact;
		try {
			fact = parse(record.value());
		}
		catch (PoisonEventException ex) {
			refuse(record, ex.getMessage());
			return;
		}
		if (fact == null) {
			this.metrics.skipped();
			return;
		}
		if (this.waitingUnits.contains(fact.unitCode()) || !count(fact, record)) {
			this.waiting.put(fact.unitCode() + SEPARATOR + position(), record.value());
			this.waitingUnits.add(fact.unitCode());
			this.metrics.waited();
		}
	}

	/**
	 * Where the record in hand was read, so that a unit's waiting facts keep their order.
	 */
	private String position() {
		return this.context.recordMetadata()
			.map((metadata) -> String.format("%04d%020d", metadata.partition(), metadata.offset()))
			.orElseThrow(() -> new IllegalStateException("A progress record has no partition and offset"));
	}

	/**
	 * Tries the waiting facts again, each unit's in order, stopping at one still waiting.
	 */
	private void retryWaiting() {
		List<KeyValue<String, byte[]>> all = new ArrayList<>();
		try (KeyValueIterator<String, byte[]> iterator = this.waiting.all()) {
			iterator.forEachRemaining(all::add);
		}
		Set<String> blocked = new HashSet<>();
		for (KeyValue<String, byte[]> entry : all) {
			String unit = unitOf(entry.key);
			if (blocked.contains(unit)) {
				continue;
			}
			Record<String, byte[]> record = new Record<>(unit, entry.value, this.context.currentSystemTimeMs());
			Fact fact;
			try {
				fact = parse(entry.value);
			}
			catch (PoisonEventException ex) {
				this.waiting.delete(entry.key);
				refuse(record, ex.getMessage());
				continue;
			}
			if (fact != null && count(fact, record)) {
				this.waiting.delete(entry.key);
			}
			else {
				blocked.add(unit);
			}
		}
		this.waitingUnits.retainAll(blocked);
	}

	private static String unitOf(String waitingKey) {
		return waitingKey.substring(0, waitingKey.indexOf(SEPARATOR));
	}

	/**
	 * Counts the fact unless its id was counted before.
	 * @return {@code false} if its unit or an ancestor is not known yet (nothing changed)
	 */
	private boolean count(Fact fact, Record<String, byte[]> record) {
		if (this.facts.get(fact.eventId()) != null) {
			this.metrics.duplicate();
			return true;
		}
		try {
			List<Delta> deltas = new ArrayList<>(2);
			if (fact.data() instanceof ProgressRecorded data) {
				StoredFact stored = new StoredFact(StoredFact.Kind.RECORDED, data.eventId(),
						rollup(data.unitCode(), data.date()), data.planId(), data.activityId(), data.date(),
						Tally.ofFact(data.budgetSpentVnd(), data.quantities()));
				this.facts.put(data.eventId(), stored);
				stored.added().ifPresent(deltas::add);
			}
			else if (fact.data() instanceof ProgressCorrected data) {
				StoredFact original = original(data.eventId(), data.correctsEventId());
				StoredFact replaced = versionInForce(data.correctsEventId(), original);
				List<String> rollup = (replaced.kind() != StoredFact.Kind.RETRACTED)
						? rollup(data.unitCode(), data.date()) : List.of();
				StoredFact stored = new StoredFact(StoredFact.Kind.CORRECTED, null, rollup, data.planId(),
						data.activityId(), data.date(), Tally.ofFact(data.budgetSpentVnd(), data.quantities()));
				replaced.takenBack().ifPresent(deltas::add);
				stored.added().ifPresent(deltas::add);
				this.facts.put(data.eventId(), stored);
				this.facts.put(data.correctsEventId(), original.withCurrent(data.eventId()));
			}
			else if (fact.data() instanceof ProgressRetracted data) {
				StoredFact original = original(data.eventId(), data.retractsEventId());
				StoredFact replaced = versionInForce(data.retractsEventId(), original);
				replaced.takenBack().ifPresent(deltas::add);
				this.facts.put(data.eventId(), new StoredFact(StoredFact.Kind.RETRACTED, null, List.of(), data.planId(),
						data.activityId(), data.date(), Tally.ZERO));
				this.facts.put(data.retractsEventId(), original.withCurrent(data.eventId()));
			}
			for (Delta delta : deltas) {
				this.context.forward(new Record<>(delta.topUnit(), (FactOutcome) delta, record.timestamp()));
			}
			this.metrics.counted();
			return true;
		}
		catch (UnknownUnitException ex) {
			return false;
		}
		catch (PoisonEventException ex) {
			refuse(record, ex.getMessage());
			return true;
		}
	}

	private StoredFact original(String eventId, String originalEventId) {
		StoredFact original = this.facts.get(originalEventId);
		if (original == null || original.kind() != StoredFact.Kind.RECORDED) {
			throw new PoisonEventException(
					"Fact " + eventId + " points at report " + originalEventId + ", which was never counted");
		}
		return original;
	}

	private StoredFact versionInForce(String originalEventId, StoredFact original) {
		String current = original.current();
		if (current == null || current.equals(originalEventId)) {
			return original;
		}
		StoredFact version = this.facts.get(current);
		if (version == null) {
			throw new IllegalStateException(
					"Report " + originalEventId + " names version " + current + ", which was never counted");
		}
		return version;
	}

	private List<String> rollup(String unitCode, LocalDate date) {
		return UnknownUnitException.requireKnown(DatedUnitTree.pathOn(unitCode, date, this.units::find));
	}

	private void refuse(Record<String, byte[]> record, String reason) {
		this.metrics.refused();
		RecordHeaders headers = new RecordHeaders(record.headers().toArray());
		headers.add("x-original-topic", Topics.PROGRESS.getBytes(StandardCharsets.UTF_8));
		headers.add("x-exception-fqcn", PoisonEventException.class.getName().getBytes(StandardCharsets.UTF_8));
		headers.add("x-exception-message", reason.getBytes(StandardCharsets.UTF_8));
		this.context.forward(new Record<String, FactOutcome>(record.key(),
				new Refused((record.value() != null) ? record.value() : new byte[0], reason), record.timestamp(),
				headers));
	}

	private @Nullable Fact parse(byte[] value) {
		if (value == null) {
			throw new PoisonEventException("Record has no value");
		}
		ReceivedCloudEvent event = this.reader.read(value);
		Fact fact = switch (event.type()) {
			case EventTypes.PROGRESS_RECORDED_V1 -> {
				CloudEvent<ProgressRecorded> recorded = event.as(ProgressRecorded.class);
				checkId(recorded, recorded.data().eventId());
				ProgressRecorded data = recorded.data();
				checkFigures(data.eventId(), data.activityId(), data.budgetSpentVnd(), data.quantities());
				yield new Fact(data.eventId(), data.unitCode(), data);
			}
			case EventTypes.PROGRESS_CORRECTED_V1 -> {
				CloudEvent<ProgressCorrected> corrected = event.as(ProgressCorrected.class);
				checkId(corrected, corrected.data().eventId());
				ProgressCorrected data = corrected.data();
				checkFigures(data.eventId(), data.activityId(), data.budgetSpentVnd(), data.quantities());
				yield new Fact(data.eventId(), data.unitCode(), data);
			}
			case EventTypes.PROGRESS_RETRACTED_V1 -> {
				CloudEvent<ProgressRetracted> retracted = event.as(ProgressRetracted.class);
				checkId(retracted, retracted.data().eventId());
				ProgressRetracted data = retracted.data();
				yield new Fact(data.eventId(), data.unitCode(), data);
			}
			default -> null;
		};
		return fact;
	}

	private static void checkId(CloudEvent<?> event, String eventId) {
		if (!event.id().equals(eventId)) {
			throw new PoisonEventException("CloudEvent id " + event.id() + " differs from its eventId");
		}
	}

	// Metric names and activity ids become field paths of the read model, so they are
	// checked here again although plan-service validates them.
	private static void checkFigures(String eventId, String activityId, long budgetSpentVnd,
			Map<String, Long> quantities) {
		if (budgetSpentVnd < 0) {
			throw new PoisonEventException("Fact " + eventId + " has a negative budgetSpentVnd");
		}
		if (!Figures.isActivityId(activityId)) {
			throw new PoisonEventException("Fact " + eventId + " has an invalid activity id");
		}
		for (Map.Entry<String, Long> quantity : quantities.entrySet()) {
			if (!Figures.isMetricName(quantity.getKey())) {
				throw new PoisonEventException("Fact " + eventId + " has an invalid metric name");
			}
			if (quantity.getValue() == null || quantity.getValue() < 0) {
				throw new PoisonEventException(
						"Fact " + eventId + " has no or a negative quantity of " + quantity.getKey());
			}
		}
	}

	/**
	 * A report, correction or retraction read from the log.
	 *
	 * @param eventId its event id
	 * @param unitCode its unit
	 * @param data the {@link ProgressRecorded}, {@link ProgressCorrected} or
	 * {@link ProgressRetracted}
	 */
	private record Fact(String eventId, String unitCode, Object data) {

	}

}
