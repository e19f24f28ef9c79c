package vn.gov.cchc.plan.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.events.UnitsMerged;
import vn.gov.cchc.events.UnitsSplit;
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.messaging.PoisonEventException;
import vn.gov.cchc.messaging.ReceivedCloudEvent;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * Keeps the {@code units} view up to date from {@code cchc.units}, a batch of records at
 * a time.
 *
 * <p>
 * Why: docs/units.md, "Keeping the units view (UnitEventsConsumer)".
 */
class UnitEventsConsumer implements Consumer<Message<List<byte[]>>> {

	private static final Logger logger = LoggerFactory.getLogger(UnitEventsConsumer.class);

	private final CloudEventJson json;

	private final Units units;

	private final UnitDirectory directory;

	private final Counter applied;

	private final Counter stale;

	private final Counter skipped;

	private final Counter merged;

	private final Counter split;

	UnitEventsConsumer(CloudEventJson json, Units units, UnitDirectory directory, MeterRegistry meters) {
		this.json = json;
		this.units = units;
		this.directory = directory;
		this.applied = Counter.builder("cchc.units.materialized")
			.description("Unit events stored in the units view")
			.register(meters);
		this.stale = Counter.builder("cchc.units.stale")
			.description("Unit events ignored because a later state was already stored")
			.register(meters);
		this.skipped = Counter.builder("cchc.units.skipped")
			.description("Events on cchc.units of a type this service does not know")
			.register(meters);
		this.merged = reorganizations(meters, "merged");
		this.split = reorganizations(meters, "split");
	}

	private static Counter reorganizations(MeterRegistry meters, String type) {
		return Counter.builder("cchc.units.reorganizations")
			.description("Merges and splits read from cchc.units; the units' own states carry their effect")
			.tag("type", type)
			.register(meters);
	}

	@Override
	public void accept(Message<List<byte[]>> batch) {
		List<byte[]> payloads = batch.getPayload();
		List<UnitState> states = new ArrayList<>(payloads.size());
		for (int i = 0; i < payloads.size(); i++) {
			UnitState state;
			try {
				state = read(payloads.get(i));
			}
			catch (PoisonEventException ex) {
				apply(states);
				throw new BatchListenerFailedException(ex.getMessage(), ex, i);
			}
			if (state != null) {
				states.add(state);
			}
		}
		apply(states);
	}

	private void apply(List<UnitState> states) {
		if (states.isEmpty()) {
			return;
		}
		this.directory.applyAll(states);
		int stored = this.units.recordAll(states);
		this.applied.increment(stored);
		this.stale.increment(states.size() - stored);
	}

	/**
	 * @return the unit state the record carries; {@code null} for a merge, a split or an
	 * unknown type
	 * @throws PoisonEventException if the record is not a readable unit event
	 */
	private @Nullable UnitState read(byte[] payload) {
		// The view keeps each unit's event id, and an event without id or data is a
		// broken producer whatever its type: dead-letter it rather than skip it.
		ReceivedCloudEvent event = this.json.readWithIdAndData(payload);
		switch (event.type()) {
			case EventTypes.UNIT_REGISTERED_V1, EventTypes.UNIT_CHANGED_V1 -> {
				return state(event);
			}
			case EventTypes.UNITS_MERGED_V1 -> {
				UnitsMerged merged = event.as(UnitsMerged.class).data();
				this.merged.increment();
				logger.info("Units {} merged into {} from {}", merged.predecessorCodes(), merged.successorCode(),
						merged.effectiveOn());
				return null;
			}
			case EventTypes.UNITS_SPLIT_V1 -> {
				UnitsSplit split = event.as(UnitsSplit.class).data();
				this.split.increment();
				logger.info("Unit {} split into {} from {}", split.predecessorCode(), split.successorCodes(),
						split.effectiveOn());
				return null;
			}
			default -> {
				this.skipped.increment();
				logger.info("Skipped event {} of unknown type {} on cchc.units", event.id(), event.type());
				return null;
			}
		}
	}

	/**
	 * The unit state a record carries, for {@link UnitDirectoryFeed}: {@code null} for
	 * anything else, poison included (the grouped consumer dead-letters that).
	 */
	static @Nullable UnitState stateOf(CloudEventJson json, byte[] payload) {
		try {
			return state(json.readWithIdAndData(payload));
		}
		catch (PoisonEventException ex) {
			return null;
		}
	}

	/** The state a unit event carries; {@code null} for any other type. */
	private static @Nullable UnitState state(ReceivedCloudEvent event) {
		return switch (event.type()) {
			case EventTypes.UNIT_REGISTERED_V1 -> {
				UnitRegistered registered = event.as(UnitRegistered.class).data();
				yield new UnitState(registered.unit(), registered.occurredAt(), event.id());
			}
			case EventTypes.UNIT_CHANGED_V1 -> {
				UnitChanged changed = event.as(UnitChanged.class).data();
				yield new UnitState(changed.unit(), changed.occurredAt(), event.id());
			}
			default -> null;
		};
	}

}
