package vn.gov.cchc.notification.contact;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitRegistered;

import org.springframework.stereotype.Component;

/**
 * Reads a record value of the units topic: a structured-mode CloudEvent whose
 * {@code type} says how to read its {@code data}. Unknown JSON fields are ignored so that
 * producers can add fields within a version.
 */
@Component
class UnitEventReader {

	private final JsonMapper json;

	private final JavaType envelopeType;

	UnitEventReader(JsonMapper json) {
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.envelopeType = this.json.getTypeFactory().constructParametricType(CloudEvent.class, JsonNode.class);
	}

	/**
	 * The unit event in the record, or empty when its type is not one this service knows
	 * (a newer version, another aggregate's event).
	 * @throws UnreadableUnitEventException if the record can never be read
	 */
	Optional<UnitEvent> read(byte[] value) {
		CloudEvent<JsonNode> envelope = envelope(value);
		return switch (envelope.type()) {
			case EventTypes.UNIT_REGISTERED_V1 -> {
				UnitRegistered registered = data(envelope, UnitRegistered.class);
				yield Optional
					.of(new UnitEvent(envelope.id(), envelope.type(), registered.unit(), registered.occurredAt()));
			}
			case EventTypes.UNIT_CHANGED_V1 -> {
				UnitChanged changed = data(envelope, UnitChanged.class);
				yield Optional.of(new UnitEvent(envelope.id(), envelope.type(), changed.unit(), changed.occurredAt()));
			}
			default -> Optional.empty();
		};
	}

	/** The envelope alone, for naming a record in the log. */
	private CloudEvent<JsonNode> envelope(byte[] value) {
		try {
			CloudEvent<JsonNode> envelope = this.json.readValue(value, this.envelopeType);
			if (envelope == null) {
				throw new UnreadableUnitEventException("Record value is JSON null, not a CloudEvent");
			}
			return envelope;
		}
		catch (JacksonException ex) {
			throw new UnreadableUnitEventException("Record value is not a CloudEvent: " + ex.getOriginalMessage(), ex);
		}
	}

	private <T> T data(CloudEvent<JsonNode> envelope, Class<T> type) {
		try {
			T data = this.json.treeToValue(envelope.data(), type);
			if (data == null) {
				throw new UnreadableUnitEventException(
						"Event " + envelope.id() + " of type " + envelope.type() + " has no data");
			}
			return data;
		}
		catch (JacksonException ex) {
			throw new UnreadableUnitEventException("Event " + envelope.id() + " of type " + envelope.type()
					+ " does not match its contract: " + ex.getOriginalMessage(), ex);
		}
	}

}
