package vn.gov.cchc.messaging;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;

/**
 * A CloudEvent whose envelope type is known and whose data is read only once the consumer
 * has decided it understands that type.
 */
public final class ReceivedCloudEvent {

	private final JsonMapper json;

	private final byte[] payload;

	private final String id;

	private final String type;

	ReceivedCloudEvent(JsonMapper json, byte[] payload, String id, String type) {
		this.json = json;
		this.payload = payload;
		this.id = id;
		this.type = type;
	}

	/** The envelope's {@code id}, empty if it has none (for logs only). */
	public String id() {
		return this.id;
	}

	/** The envelope's {@code type}, with its version. */
	public String type() {
		return this.type;
	}

	/**
	 * Reads the whole event, envelope and data.
	 * @param dataType the record the data must be
	 * @param <T> the record type
	 * @return the event
	 * @throws PoisonEventException if the envelope or the data breaks the contract
	 */
	public <T> CloudEvent<T> as(Class<T> dataType) {
		JavaType eventType = this.json.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
		try {
			CloudEvent<T> event = this.json.readValue(this.payload, eventType);
			if (event == null) {
				throw new PoisonEventException("CloudEvent " + this.id + " of type " + this.type + " is JSON null");
			}
			return event;
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new PoisonEventException("CloudEvent " + this.id + " of type " + this.type + " is not a valid "
					+ dataType.getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

}
