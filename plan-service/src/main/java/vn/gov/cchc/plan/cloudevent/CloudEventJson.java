package vn.gov.cchc.plan.cloudevent;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;

import org.springframework.stereotype.Component;

/**
 * Structured-mode CloudEvents as JSON bytes, the value of every record this service
 * writes or reads. It has its own mapper rather than the web one because the wire format
 * is part of the event contract, not of the HTTP API: unknown properties are ignored, so
 * that producers can add fields inside a version, and dates are ISO-8601 strings.
 */
@Component
public class CloudEventJson {

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public byte[] write(CloudEvent<?> event) {
		return this.json.writeValueAsBytes(event);
	}

	/**
	 * Reads the envelope far enough to know the event's id and type.
	 * @param payload a record value
	 * @return the event with its data still unread
	 * @throws PoisonEventException if the value is not a JSON object with a string
	 * {@code id}, {@code type} and an object {@code data}
	 */
	public ReceivedCloudEvent read(byte[] payload) {
		JsonNode tree;
		try {
			tree = this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new PoisonEventException("Record value is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new PoisonEventException("Record value is not a JSON object");
		}
		JsonNode id = tree.get("id");
		JsonNode type = tree.get("type");
		JsonNode data = tree.get("data");
		if (id == null || !id.isString() || type == null || !type.isString() || data == null || !data.isObject()) {
			throw new PoisonEventException(
					"Record value is not a CloudEvent with a string id and type and object data");
		}
		return new ReceivedCloudEvent(id.asString(), type.asString(), data, this.json);
	}

}
