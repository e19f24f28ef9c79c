package vn.gov.cchc.plan.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressRejected;
import vn.gov.cchc.plan.cloudevent.CloudEventPublisher;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Publishes {@code ProgressRejected} on {@code cchc.progress.rejected} for an inbox
 * record that was refused, once per refusal: the rejection's id is a digest of the
 * record's key, its value and the reasons, and is remembered in {@value #COLLECTION}
 * after the broker acknowledged it, so the same record refused for the same reasons again
 * (redelivered, or sent again unchanged) publishes nothing new. A record sent again after
 * the reasons went away (its unit has arrived in the view, say) is validated afresh and
 * accepted.
 */
@Component
class InboxRejections {

	static final String BINDING = "publishRejected-out-0";

	static final String COLLECTION = "progress_inbox_rejections";

	private final CloudEventPublisher publisher;

	private final MongoTemplate mongo;

	private final Clock clock;

	InboxRejections(CloudEventPublisher publisher, MongoTemplate mongo, Clock clock) {
		this.publisher = publisher;
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * @param record where the refused record was read, and its key and value
	 * @param eventId the report's {@code eventId}, if one could be read
	 * @param reasons what is wrong, by JSON path in the record value
	 * @return whether a rejection was published (false when it had been already)
	 */
	boolean reject(InboxRecord record, @Nullable String eventId, List<ProgressRejected.Reason> reasons) {
		String payload = new String(record.value(), StandardCharsets.UTF_8);
		String id = "rejection-" + digest(record.key(), record.value(), reasons);
		if (this.mongo.exists(query(where("_id").is(id)), COLLECTION)) {
			return false;
		}
		boolean truncated = payload.length() > ProgressRejected.MAX_PAYLOAD_CHARS;
		Instant now = this.clock.instant();
		ProgressRejected rejected = new ProgressRejected(eventId, record.key(),
				truncated ? payload.substring(0, ProgressRejected.MAX_PAYLOAD_CHARS) : payload, truncated, reasons,
				record.topic(), record.partition(), record.offset(), now);
		String key = (record.key() != null) ? record.key()
				: (eventId != null) ? eventId : record.topic() + "-" + record.partition() + "@" + record.offset();
		this.publisher.publish(BINDING, key,
				CloudEvent.of(id, ProgressEvents.SOURCE, EventTypes.PROGRESS_REJECTED_V1, eventId, now, rejected));
		try {
			this.mongo.insert(new Document("_id", id).append("eventId", eventId)
				.append("sourcePartition", record.partition())
				.append("sourceOffset", record.offset())
				.append("rejectedAt", now), COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// The same refusal was published concurrently (a rebalance): both are the
			// same event with the same id.
		}
		return true;
	}

	private static String digest(@Nullable String key, byte[] value, List<ProgressRejected.Reason> reasons) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(((key != null) ? "k:" + key : "-").getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			sha256.update(value);
			for (ProgressRejected.Reason reason : reasons) {
				sha256.update((byte) 0);
				sha256.update((reason.field() + "\u0001" + reason.message()).getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha256.digest()).substring(0, 48);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * An inbox record as read.
	 *
	 * @param key the record key as text, if any
	 * @param value the record value as sent
	 */
	record InboxRecord(String topic, int partition, long offset, @Nullable String key, byte[] value) {

	}

}
