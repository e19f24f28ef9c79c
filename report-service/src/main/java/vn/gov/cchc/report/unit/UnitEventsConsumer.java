package vn.gov.cchc.report.unit;

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
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.messaging.ReceivedCloudEvent;

import org.springframework.messaging.Message;

/**
 * Keeps {@link Units} up to date from {@code cchc.units}. Every unit event carries the
 * unit's whole state, so applying the newest one by {@code occurredAt} is enough; an
 * older one (redelivery, replay of the compacted topic) is ignored. Event types this
 * service does not know are skipped, not failed, so that plan-service can publish new
 * unit events before this service understands them.
 */
public class UnitEventsConsumer implements Consumer<Message<byte[]>> {

	private static final Logger logger = LoggerFactory.getLogger(UnitEventsConsumer.class);

	private final CloudEventJson reader;

	private final Units units;

	private final Counter applied;

	private final Counter stale;

	private final Counter skipped;

	public UnitEventsConsumer(CloudEventJson reader, Units units, MeterRegistry registry) {
		this.reader = reader;
		this.units = units;
		this.applied = Counter.builder("cchc.unit.applied")
			.description("Unit events stored in the units collection")
			.register(registry);
		this.stale = Counter.builder("cchc.unit.stale")
			.description("Unit events ignored because a later state was already stored")
			.register(registry);
		this.skipped = Counter.builder("cchc.unit.skipped")
			.description("Events on cchc.units of a type this service does not know")
			.register(registry);
	}

	@Override
	public void accept(Message<byte[]> message) {
		ReceivedCloudEvent event = this.reader.read(message.getPayload());
		switch (event.type()) {
			case EventTypes.UNIT_REGISTERED_V1 -> {
				UnitRegistered registered = event.as(UnitRegistered.class).data();
				record(registered.unit(), registered.occurredAt());
			}
			case EventTypes.UNIT_CHANGED_V1 -> {
				UnitChanged changed = event.as(UnitChanged.class).data();
				record(changed.unit(), changed.occurredAt());
			}
			default -> {
				this.skipped.increment();
				logger.info("Skipped event {} of unknown type {} on the units topic", event.id(), event.type());
			}
		}
	}

	private void record(UnitDetails unit, Instant occurredAt) {
		if (this.units.record(unit, occurredAt)) {
			this.applied.increment();
		}
		else {
			this.stale.increment();
			logger.debug("Ignored state of unit {} from {}: a later one is stored", unit.code(), occurredAt);
		}
	}

}
