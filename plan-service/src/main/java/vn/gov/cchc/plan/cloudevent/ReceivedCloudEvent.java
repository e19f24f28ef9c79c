package vn.gov.cchc.plan.cloudevent;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent read from a record, whose data is bound only once its type is known.
 */
public final class ReceivedCloudEvent {

	private final String id;

	private final String type;

	private final JsonNode data;

	private final JsonMapper json;

	ReceivedCloudEvent(String id, String type, JsonNode data, JsonMapper json) {
		this.id = id;
		this.type = type;
		this.data = data;
		this.json = json;
	}

	public String id() {
		return this.id;
	}

	public String type() {
		return this.type;
	}

	/**
	 * Binds the data to the event record of this type.
	 * @throws PoisonEventException if the data does not fit the record
	 */
	public <T> T data(Class<T> eventType) {
		try {
			return this.json.treeToValue(this.data, eventType);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new PoisonEventException(
					"Data of event " + this.id + " (" + this.type + ") is not a " + eventType.getSimpleName(), ex);
		}
	}

}
