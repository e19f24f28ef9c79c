package vn.gov.cchc.notification.contact;

import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Applies the unit events to the contact directory and to the unit tree, counting what
 * was applied and what was skipped and why.
 */
@Component
class ContactUpdates {

	private static final Logger logger = LoggerFactory.getLogger(ContactUpdates.class);

	private final UnitEventReader reader;

	private final Contacts contacts;

	private final UnitNodes nodes;

	private final Counter applied;

	private final Counter stale;

	private final Counter duplicate;

	private final Counter unknownType;

	ContactUpdates(UnitEventReader reader, Contacts contacts, UnitNodes nodes, MeterRegistry meters) {
		this.reader = reader;
		this.contacts = contacts;
		this.nodes = nodes;
		this.applied = Counter.builder("cchc.contacts.applied")
			.description("Unit events applied to the contact directory")
			.register(meters);
		this.stale = skipped(meters, "stale");
		this.duplicate = skipped(meters, "duplicate");
		this.unknownType = skipped(meters, "unknown-type");
	}

	private static Counter skipped(MeterRegistry meters, String reason) {
		return Counter.builder("cchc.contacts.skipped")
			.description("Records on the units topic that changed nothing in the contact directory")
			.tag("reason", reason)
			.register(meters);
	}

	void apply(Message<byte[]> message) {
		Optional<UnitEvent> read = this.reader.read(message.getPayload());
		if (read.isEmpty()) {
			this.unknownType.increment();
			logger.info("Skipped a record of a type this service does not know: key={} partition={} offset={}",
					message.getHeaders().get(KafkaHeaders.RECEIVED_KEY),
					message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION),
					message.getHeaders().get(KafkaHeaders.OFFSET));
			return;
		}
		UnitEvent event = read.get();
		// Each write holds only an event newer than its own, so a redelivery after a
		// crash between the two completes the one that was missing. The counters follow
		// the contacts.
		this.nodes.save(UnitNode.from(event));
		switch (this.contacts.save(Contact.from(event))) {
			case APPLIED -> this.applied.increment();
			case STALE -> {
				this.stale.increment();
				logger.info("Skipped event {} for unit {}: the stored contacts come from a newer event",
						event.eventId(), event.unit().code());
			}
			case DUPLICATE -> {
				this.duplicate.increment();
				logger.debug("Skipped event {} for unit {}: already applied", event.eventId(), event.unit().code());
			}
		}
	}

}
