package vn.gov.cchc.report.cloudevent;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads the value of a Kafka record as a structured-mode CloudEvent. It has its own
 * mapper rather than the web one because the wire rules are part of the event contract,
 * not of the HTTP API: unknown properties are ignored, so that producers can add fields
 * inside a version without breaking this consumer.
 */
@Component
public class CloudEventReader {

	private final JsonMapper json;

	public CloudEventReader() {
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * Parses the envelope far enough to know its id and type.
	 * @param payload the record value
	 * @return the event, with its data still unread
	 * @throws PoisonEventException if the value is not a JSON object with a string
	 * {@code type}
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
		JsonNode type = tree.get("type");
		if (type == null || !type.isString()) {
			throw new PoisonEventException("CloudEvent has no string 'type'");
		}
		JsonNode id = tree.get("id");
		return new ReceivedCloudEvent(this.json, tree, (id != null && id.isString()) ? id.asString() : "",
				type.asString());
	}

}
