package vn.gov.cchc.plan.unit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.events.UnitsMerged;
import vn.gov.cchc.events.UnitsSplit;
import vn.gov.cchc.plan.cloudevent.CloudEventPublisher;

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

	static final URI SOURCE = URI.create("/cchc/plan-service");

	private final CloudEventPublisher publisher;

	private final Clock clock;

	private final Counter registered;

	private final Counter changed;

	private final Counter merged;

	private final Counter split;

	UnitEventPublisher(CloudEventPublisher publisher, Clock clock, MeterRegistry meters) {
		this.publisher = publisher;
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
