package vn.gov.cchc.notification.contact;

import java.util.Optional;

import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.messaging.PoisonEventException;
import vn.gov.cchc.messaging.ReceivedCloudEvent;

import org.springframework.stereotype.Component;

/**
 * Reads a record value of the units topic: a structured-mode CloudEvent whose
 * {@code type} says how to read its {@code data}. Unknown JSON fields are ignored so that
 * producers can add fields within a version.
 */
@Component
class UnitEventReader {

	private final CloudEventJson json;

	UnitEventReader(CloudEventJson json) {
		this.json = json;
	}

	/**
	 * The unit event in the record, or empty when its type is not one this service knows
	 * (a newer version, another aggregate's event).
	 * @throws PoisonEventException if the record can never be read
	 */
	Optional<UnitEvent> read(byte[] value) {
		ReceivedCloudEvent event = this.json.read(value);
		return switch (event.type()) {
			case EventTypes.UNIT_REGISTERED_V1 -> {
				CloudEvent<UnitRegistered> registered = event.as(UnitRegistered.class);
				yield Optional.of(new UnitEvent(registered.id(), registered.type(), registered.data().unit(),
						registered.data().occurredAt()));
			}
			case EventTypes.UNIT_CHANGED_V1 -> {
				CloudEvent<UnitChanged> changed = event.as(UnitChanged.class);
				yield Optional.of(new UnitEvent(changed.id(), changed.type(), changed.data().unit(),
						changed.data().occurredAt()));
			}
			default -> Optional.empty();
		};
	}

}
