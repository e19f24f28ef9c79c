package vn.gov.cchc.events;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the envelope and the data travel
 * together as one JSON document, so a producer needs no header conventions.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per source; for progress it is the client's {@code eventId}, the
 * idempotency key
 * @param source the producing service or commune system
 * @param type the event type with its version, e.g.
 * {@value EventTypes#PROGRESS_RECORDED_V1}
 * @param time when the fact happened (UTC)
 * @param subject the aggregate the event is about (unit code, plan id)
 * @param datacontenttype always {@value #JSON}
 * @param data the event itself
 * @param <T> the event record
 */
public record CloudEvent<T>(String specversion, String id, URI source, String type, Instant time,
		@Nullable String subject, String datacontenttype, T data) {

	public static final String SPEC_VERSION = "1.0";

	public static final String JSON = "application/json";

	/** Content type of a structured-mode CloudEvent on the wire. */
	public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

	public CloudEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(data, "data");
		if (!SPEC_VERSION.equals(specversion)) {
			throw new IllegalArgumentException("Unsupported CloudEvents specversion: " + specversion);
		}
	}

	public static <T> CloudEvent<T> of(String id, URI source, String type, @Nullable String subject, Instant time,
			T data) {
		return new CloudEvent<>(SPEC_VERSION, id, source, type, time, subject, JSON, data);
	}

}
