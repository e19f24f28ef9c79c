package vn.gov.cchc.plan.unit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.events.UnitsMerged;
import vn.gov.cchc.events.UnitsSplit;
import vn.gov.cchc.plan.cloudevent.BatchPublisher;
import vn.gov.cchc.plan.cloudevent.CloudEventPublisher;
import vn.gov.cchc.plan.cloudevent.PublishFailedException;

import org.springframework.stereotype.Component;

/**
 * Publishes the unit events to {@code cchc.units}, keyed by unit code, each one waiting
 * for the broker's acknowledgement so that events sent one after another are on the topic
 * in that order.
 *
 * <p>
 * The topic is compacted: in the end only the newest record of every key survives, and
 * consumers rebuild the tree from those alone. So the newest record of every unit code
 * must be a whole state ({@code UnitRegistered} or {@code UnitChanged}). A
 * {@code UnitsMerged} is keyed by the successor's code and a {@code UnitsSplit} by the
 * predecessor's: callers publish it first and that unit's state after it, every time,
 * never the other way round.
 */
@Component
class UnitEventPublisher {

	static final String BINDING = "publishUnit-out-0";

	/** Asynchronous twin of {@link #BINDING}, for many states at once. */
	static final String BATCH_BINDING = "publishUnitBatch-out-0";

	static final URI SOURCE = URI.create("/cchc/plan-service");

	private final CloudEventPublisher publisher;

	private final BatchPublisher batch;

	private final Clock clock;

	private final Counter registered;

	private final Counter changed;

	private final Counter merged;

	private final Counter split;

	UnitEventPublisher(CloudEventPublisher publisher, BatchPublisher batch, Clock clock, MeterRegistry meters) {
		this.publisher = publisher;
		this.batch = batch;
		this.clock = clock;
		this.registered = published(meters, "registered");
		this.changed = published(meters, "changed");
		this.merged = published(meters, "merged");
		this.split = published(meters, "split");
	}

	private static Counter published(MeterRegistry meters, String type) {
		return Counter.builder("cchc.units.published")
			.description("Unit events published to cchc.units")
			.tag("type", type)
			.register(meters);
	}

	/**
	 * The {@code occurredAt} of events published now. Stored with millisecond precision,
	 * so published with it: the view compares them.
	 */
	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	void registered(UnitDetails unit, Instant occurredAt) {
		publish(EventTypes.UNIT_REGISTERED_V1, unit.code(), randomId(), occurredAt,
				new UnitRegistered(unit, occurredAt));
		this.registered.increment();
	}

	void changed(UnitDetails unit, Instant occurredAt) {
		publish(EventTypes.UNIT_CHANGED_V1, unit.code(), randomId(), occurredAt, new UnitChanged(unit, occurredAt));
		this.changed.increment();
	}

	/**
	 * Publishes the states of many units without a round trip each (a bulk registration
	 * or import: thousands of units), then waits for all the acknowledgements. Each unit
	 * appears once, so nothing here depends on the order of the records.
	 * @param units the states, each a new unit or a change
	 * @param isNew whether a unit is new (registered) rather than changed
	 * @throws PublishFailedException if the broker did not acknowledge them all; those it
	 * did are on the topic, and sending the same units again publishes only what is still
	 * missing or different
	 */
	void states(List<UnitDetails> units, Predicate<UnitDetails> isNew, Instant occurredAt) {
		List<BatchPublisher.Keyed> events = units.stream().map((unit) -> {
			boolean registering = isNew.test(unit);
			Object data = registering ? new UnitRegistered(unit, occurredAt) : new UnitChanged(unit, occurredAt);
			String type = registering ? EventTypes.UNIT_REGISTERED_V1 : EventTypes.UNIT_CHANGED_V1;
			return new BatchPublisher.Keyed(unit.code(),
					CloudEvent.of(randomId(), SOURCE, type, unit.code(), occurredAt, data));
		}).toList();
		List<Boolean> acknowledged = this.batch.publish(BATCH_BINDING, events);
		int missing = 0;
		for (int i = 0; i < units.size(); i++) {
			if (!acknowledged.get(i)) {
				missing++;
			}
			else if (isNew.test(units.get(i))) {
				this.registered.increment();
			}
			else {
				this.changed.increment();
			}
		}
		if (missing > 0) {
			throw new PublishFailedException(missing + " of " + units.size() + " unit events were not acknowledged",
					new IllegalStateException("The broker did not acknowledge every unit event of the batch"));
		}
	}

	/**
	 * Publishes a merge, keyed by the successor. Its id is derived from the successor
	 * code, which is never reused: a merge sent again after a failure half-way publishes
	 * the same fact with the same id, and consumers that remember ids see it once.
	 */
	void merged(UnitsMerged event) {
		publish(EventTypes.UNITS_MERGED_V1, event.successorCode(), nameId("merged:" + event.successorCode()),
				event.occurredAt(), event);
		this.merged.increment();
	}

	/**
	 * Publishes a split, keyed by the predecessor. Its id is derived from the predecessor
	 * code: a unit ends once, so it is split once.
	 */
	void split(UnitsSplit event) {
		publish(EventTypes.UNITS_SPLIT_V1, event.predecessorCode(), nameId("split:" + event.predecessorCode()),
				event.occurredAt(), event);
		this.split.increment();
	}

	private void publish(String type, String key, String id, Instant occurredAt, Object data) {
		this.publisher.publish(BINDING, key, CloudEvent.of(id, SOURCE, type, key, occurredAt, data));
	}

	private static String randomId() {
		return UUID.randomUUID().toString();
	}

	private static String nameId(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
