package vn.gov.cchc.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A record on {@link Topics#PROGRESS_INBOX} that plan-service refused, published on
 * {@link Topics#PROGRESS_REJECTED} so that the commune system that sent it can learn why.
 * Keyed by the inbox record's key, or by its {@code eventId} when it had no key. Nothing
 * of a rejected record reaches {@link Topics#PROGRESS}.
 *
 * @param eventId the report's {@code eventId}, when one could be read
 * @param key the inbox record's key as text, if it had one
 * @param payload the inbox record's value as text (UTF-8), cut at
 * {@value #MAX_PAYLOAD_CHARS} characters
 * @param payloadTruncated whether {@code payload} was cut
 * @param reasons what is wrong, each naming the field by its JSON path in the record
 * value ({@code body} for the value as a whole)
 * @param sourceTopic the topic the record was read from
 * @param sourcePartition its partition there
 * @param sourceOffset its offset there
 * @param rejectedAt when plan-service refused it (UTC)
 */
public record ProgressRejected(@Nullable String eventId, @Nullable String key, String payload, boolean payloadTruncated,
		List<Reason> reasons, String sourceTopic, int sourcePartition, long sourceOffset, Instant rejectedAt) {

	/** The longest payload text carried, so that a rejection fits in one Kafka record. */
	public static final int MAX_PAYLOAD_CHARS = 100_000;

	public ProgressRejected {
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(sourceTopic, "sourceTopic");
		Objects.requireNonNull(rejectedAt, "rejectedAt");
		reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
	}

	/**
	 * One thing wrong with the record.
	 *
	 * @param field JSON path of the offending value, e.g. {@code quantities.minutes},
	 * {@code evidence[1]}, {@code data.unitCode} inside a CloudEvent envelope
	 * @param message what is wrong, in Vietnamese
	 */
	public record Reason(String field, String message) {

		public Reason {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(message, "message");
		}

	}

}
