package vn.gov.cchc.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;

/**
 * Structured-mode CloudEvents as JSON bytes, the value of every record the services write
 * or read. It has its own mapper rather than the web one because the wire format is part
 * of the event contract, not of an HTTP API: unknown properties are ignored, so that
 * producers can add fields inside a version, and dates are ISO-8601 strings.
 */
public class CloudEventJson {

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public byte[] write(CloudEvent<?> event) {
		return this.json.writeValueAsBytes(event);
	}

	/**
	 * Reads the envelope far enough to know its id and type, without building the
	 * document: a consumer that does not know the type skips the record at that cost, and
	 * one that does reads it once, whole ({@link ReceivedCloudEvent#as}).
	 * @param payload a record value
	 * @return the event, with its data still unread
	 * @throws PoisonEventException if the value is not a JSON object with a string
	 * {@code type}
	 */
	public ReceivedCloudEvent read(byte[] payload) {
		return scan(payload, false);
	}

	/**
	 * Reads the envelope like {@link #read}, but through to its end, for a consumer that
	 * keys its state on the event id whatever the type, and would rather dead-letter an
	 * event it cannot key (or whose data is missing) than skip it quietly.
	 * @param payload a record value
	 * @return the event, with its data still unread
	 * @throws PoisonEventException if the value is not a JSON object with a string
	 * {@code id}, a string {@code type} and an object {@code data}
	 */
	public ReceivedCloudEvent readWithIdAndData(byte[] payload) {
		return scan(payload, true);
	}

	private ReceivedCloudEvent scan(byte[] payload, boolean requireIdAndData) {
		String id = null;
		String type = null;
		boolean data = false;
		try (JsonParser parser = this.json.createParser(payload)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new PoisonEventException("Record value is not a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME
					&& (requireIdAndData || type == null || id == null || id.isEmpty())) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("type".equals(name)) {
					if (value != JsonToken.VALUE_STRING) {
						throw new PoisonEventException("CloudEvent has no string 'type'");
					}
					type = parser.getString();
				}
				else if ("id".equals(name) && value == JsonToken.VALUE_STRING) {
					id = parser.getString();
				}
				else {
					data |= "data".equals(name) && value == JsonToken.START_OBJECT;
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			throw new PoisonEventException("Record value is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (type == null) {
			throw new PoisonEventException("CloudEvent has no string 'type'");
		}
		if (requireIdAndData && (id == null || !data)) {
			throw new PoisonEventException("CloudEvent of type " + type + " has no string 'id' or no object 'data'");
		}
		return new ReceivedCloudEvent(this.json, payload, (id != null) ? id : "", type);
	}

}
