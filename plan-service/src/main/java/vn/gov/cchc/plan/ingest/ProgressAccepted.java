package vn.gov.cchc.plan.ingest;

import java.time.Instant;

/**
 * The answer to an accepted report, the same for every retry of it.
 *
 * @param eventId the report's idempotency key
 * @param status always {@code ACCEPTED}
 * @param recordedAt when the report was first accepted (UTC)
 */
record ProgressAccepted(String eventId, String status, Instant recordedAt) {

	static ProgressAccepted of(ProgressReceipt receipt) {
		return new ProgressAccepted(receipt.eventId(), "ACCEPTED", receipt.recordedAt());
	}

}
