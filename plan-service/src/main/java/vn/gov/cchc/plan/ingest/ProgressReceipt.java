package vn.gov.cchc.plan.ingest;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service remembers of an {@code eventId}, in {@code progress_receipts}.
 *
 * @param eventId the client's idempotency key, the document id
 * @param bodyHash SHA-256 of the canonical report, to tell a retry from a different
 * report that reuses the id
 * @param recordedAt when the report was first accepted, the {@code recordedAt} of its
 * event
 * @param status whether the broker has acknowledged the event
 */
@Document(ProgressReceipts.COLLECTION)
record ProgressReceipt(@Id String eventId, String bodyHash, Instant recordedAt, Status status) {

	enum Status {

		/**
		 * The id is claimed and the event is being published, or was when the process
		 * died or the broker failed to answer; a retry of the same report publishes it
		 * again.
		 */
		PENDING,

		/** The broker acknowledged the event. */
		RECORDED

	}

	static ProgressReceipt pending(String eventId, String bodyHash, Instant recordedAt) {
		return new ProgressReceipt(eventId, bodyHash, recordedAt, Status.PENDING);
	}

	boolean isRecorded() {
		return this.status == Status.RECORDED;
	}

}
