package vn.gov.cchc.report.counting;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.messaging.PoisonEventException;
import vn.gov.cchc.messaging.ReceivedCloudEvent;

/**
 * The unit tree as the counting topology sees it: a global store, on every instance,
 * holding each unit's newest whole state from {@code cchc.units}. It is a global store
 * with its own update processor rather than a plain {@code GlobalKTable} because the
 * topic also carries events that are not a unit's state ({@code UnitsMerged}, keyed by
 * the successor): a table would take them as the successor's value and lose the unit.
 * Here only {@code UnitRegistered} and {@code UnitChanged} are kept, the newest by
 * {@code occurredAt}.
 * <p>
 * Values are the event's bytes behind the 8-byte {@code occurredAt} in milliseconds; the
 * lookup parses a unit once and keeps it until its bytes change.
 */
public final class UnitsView {

	/** The global store's name. */
	public static final String STORE = "units";

	private static final Logger logger = LoggerFactory.getLogger(UnitsView.class);

	private UnitsView() {
	}

	/** Adds the global store, fed from {@code cchc.units}, to the topology. */
	public static void addTo(StreamsBuilder builder, CloudEventJson reader) {
		builder.addGlobalStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
					.withLoggingDisabled(),
				Topics.UNITS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("units-source"),
				() -> new Updater(reader));
	}

	private static final class Updater implements Processor<String, byte[], Void, Void> {

		private final CloudEventJson reader;

		private KeyValueStore<String, byte[]> store;

		Updater(CloudEventJson reader) {
			this.reader = reader;
		}

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.store = context.getStateStore(STORE);
		}

		@Override
		public void process(Record<String, byte[]> record) {
			if (record.value() == null) {
				return;
			}
			try {
				ReceivedCloudEvent event = this.reader.read(record.value());
				UnitDetails unit;
				Instant occurredAt;
				switch (event.type()) {
					case EventTypes.UNIT_REGISTERED_V1 -> {
						UnitRegistered registered = event.as(UnitRegistered.class).data();
						unit = registered.unit();
						occurredAt = registered.occurredAt();
					}
					case EventTypes.UNIT_CHANGED_V1 -> {
						UnitChanged changed = event.as(UnitChanged.class).data();
						unit = changed.unit();
						occurredAt = changed.occurredAt();
					}
					default -> {
						return;
					}
				}
				byte[] stored = this.store.get(unit.code());
				// Equal times are taken again: a redelivered event writes the same state.
				if (stored != null && occurredAt(stored) > occurredAt.toEpochMilli()) {
					return;
				}
				this.store.put(unit.code(),
						ByteBuffer.allocate(8 + record.value().length)
							.putLong(occurredAt.toEpochMilli())
							.put(record.value())
							.array());
			}
			catch (PoisonEventException ex) {
				logger.warn("Unit event under key {} left out of the counting's tree: {}", record.key(),
						ex.getMessage());
			}
		}

	}

	private static long occurredAt(byte[] stored) {
		return ByteBuffer.wrap(stored, 0, 8).getLong();
	}

	/**
	 * Looks units up in the store, parsing each unit's state once while it is current.
	 */
	static final class Lookup {

		private final ReadOnlyKeyValueStore<String, ?> store;

		private final CloudEventJson reader;

		private final Map<String, Parsed> parsed = new HashMap<>();

		Lookup(ReadOnlyKeyValueStore<String, ?> store, CloudEventJson reader) {
			this.store = store;
			this.reader = reader;
		}

		Optional<UnitDetails> find(String code) {
			Object value = this.store.get(code);
			if (value instanceof org.apache.kafka.streams.state.ValueAndTimestamp<?> timestamped) {
				value = timestamped.value();
			}
			if (!(value instanceof byte[] bytes)) {
				return Optional.empty();
			}
			Parsed known = this.parsed.get(code);
			if (known != null && Arrays.equals(known.bytes(), bytes)) {
				return Optional.of(known.unit());
			}
			ReceivedCloudEvent event = this.reader.read(Arrays.copyOfRange(bytes, 8, bytes.length));
			UnitDetails unit = switch (event.type()) {
				case EventTypes.UNIT_REGISTERED_V1 -> event.as(UnitRegistered.class).data().unit();
				default -> event.as(UnitChanged.class).data().unit();
			};
			this.parsed.put(code, new Parsed(bytes, unit));
			return Optional.of(unit);
		}

		private record Parsed(byte[] bytes, UnitDetails unit) {

		}

	}

}
