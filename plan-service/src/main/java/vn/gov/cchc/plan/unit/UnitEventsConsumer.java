package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.events.UnitsMerged;
import vn.gov.cchc.events.UnitsSplit;
import vn.gov.cchc.plan.cloudevent.CloudEventJson;
import vn.gov.cchc.plan.cloudevent.ReceivedCloudEvent;

import org.springframework.messaging.Message;

/**
 * Keeps the {@code units} view up to date from {@code cchc.units}, bound as
 * {@code unitEvents-in-0}. Idempotent: a redelivered or replayed event stores the same
 * state again, and an event older than the stored state is ignored. {@code UnitsMerged}
 * and {@code UnitsSplit} are read (a malformed one is dead-lettered) and counted but
 * change nothing here: the states of the units they concern follow them on the topic and
 * carry the new validity and links. Event types this service does not know are skipped,
 * so that a newer producer can add types; a record that is not a readable unit event
 * throws {@link vn.gov.cchc.plan.cloudevent.PoisonEventException} and goes to
 * {@code cchc.units.dlq}.
 */
class UnitEventsConsumer implements Consumer<Message<byte[]>> {

	private static final Logger logger = LoggerFactory.getLogger(UnitEventsConsumer.class);

	private final CloudEventJson json;

	private final Units units;

	private final Counter applied;

	private final Counter stale;

	private final Counter skipped;

	private final Counter merged;

	private final Counter split;

	UnitEventsConsumer(CloudEventJson json, Units units, MeterRegistry meters) {
		this.json = json;
		this.units = units;
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
	public void accept(Message<byte[]> message) {
		ReceivedCloudEvent event = this.json.read(message.getPayload());
		switch (event.type()) {
			case EventTypes.UNIT_REGISTERED_V1 -> {
				UnitRegistered registered = event.data(UnitRegistered.class);
				store(registered.unit(), registered.occurredAt(), event.id());
			}
			case EventTypes.UNIT_CHANGED_V1 -> {
				UnitChanged changed = event.data(UnitChanged.class);
				store(changed.unit(), changed.occurredAt(), event.id());
			}
			case EventTypes.UNITS_MERGED_V1 -> {
				UnitsMerged merged = event.data(UnitsMerged.class);
				this.merged.increment();
				logger.info("Units {} merged into {} from {}", merged.predecessorCodes(), merged.successorCode(),
						merged.effectiveOn());
			}
			case EventTypes.UNITS_SPLIT_V1 -> {
				UnitsSplit split = event.data(UnitsSplit.class);
				this.split.increment();
				logger.info("Unit {} split into {} from {}", split.predecessorCode(), split.successorCodes(),
						split.effectiveOn());
			}
			default -> {
				this.skipped.increment();
				logger.info("Skipped event {} of unknown type {} on cchc.units", event.id(), event.type());
			}
		}
	}

	private void store(UnitDetails unit, Instant occurredAt, String eventId) {
		if (this.units.record(unit, occurredAt, eventId)) {
			this.applied.increment();
		}
		else {
			this.stale.increment();
			logger.debug("Ignored state of unit {} from {}: a later one is stored", unit.code(), occurredAt);
		}
	}

}
