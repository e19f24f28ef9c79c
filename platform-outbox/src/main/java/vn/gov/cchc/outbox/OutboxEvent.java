package vn.gov.cchc.outbox;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;

/**
 * An event waiting in an aggregate's document until the broker has it. Everything that
 * goes on the topic is fixed here, when the change is written, so that every re-send is
 * byte for byte the same record with the same CloudEvent id, which consumers dedupe by.
 *
 * <pre>
 * { eventId, type, key, cloudEvent, time, attempts }
 * </pre>
 *
 * @param eventId the CloudEvent id
 * @param type the CloudEvent type, e.g. {@code vn.gov.cchc.plan.issued.v1}
 * @param key the record key: the aggregate's id, so that its events stay in order on one
 * partition
 * @param cloudEvent the whole CloudEvent as structured JSON, exactly as it is sent
 * @param time when the change was recorded (UTC)
 * @param attempts sends the broker did not acknowledge so far
 */
public record OutboxEvent(String eventId, String type, String key, String cloudEvent, Instant time, int attempts) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A new event announcing {@code data} as a CloudEvent of {@code source}, with the
	 * aggregate's id as record key and subject, not tried yet. Its id is drawn here,
	 * once, so that every re-send of the event carries the same one.
	 */
	public static OutboxEvent announcing(URI source, String type, String key, Instant time, Object data) {
		String eventId = UUID.randomUUID().toString();
		CloudEvent<Object> event = CloudEvent.of(eventId, source, type, key, time, data);
		return of(eventId, type, key, JSON.writeValueAsString(event), time);
	}

	/** A new event, not tried yet. */
	public static OutboxEvent of(String eventId, String type, String key, String cloudEvent, Instant time) {
		return new OutboxEvent(eventId, type, key, cloudEvent, time, 0);
	}

	/** As the driver stores it in the aggregate's document. */
	public Document toDocument() {
		return new Document("eventId", this.eventId).append("type", this.type)
			.append("key", this.key)
			.append("cloudEvent", this.cloudEvent)
			.append("time", Date.from(this.time))
			.append("attempts", this.attempts);
	}

	/**
	 * Reads an event as a service stored it: with the driver ({@link #toDocument()}, the
	 * time a date), through Spring Data (the same), or as a record's JSON (the time an
	 * ISO instant, no attempts yet).
	 * @param document the stored event
	 * @param aggregateId the document's id, the key of an event stored without one
	 */
	public static OutboxEvent from(Document document, Object aggregateId) {
		String cloudEvent = document.getString("cloudEvent");
		if (cloudEvent == null) {
			// As plan-service stored it before the events were shared.
			cloudEvent = document.getString("event");
		}
		String key = document.getString("key");
		return new OutboxEvent(document.getString("eventId"), String.valueOf(document.get("type")),
				(key != null) ? key : String.valueOf(aggregateId), String.valueOf(cloudEvent),
				time(document.get("time")), (document.get("attempts") instanceof Number n) ? n.intValue() : 0);
	}

	private static Instant time(@Nullable Object stored) {
		if (stored instanceof Date date) {
			return date.toInstant();
		}
		if (stored instanceof String text) {
			return Instant.parse(text);
		}
		return Instant.EPOCH;
	}

}
