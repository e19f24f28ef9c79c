package vn.gov.cchc.plan.plan;

import java.time.Instant;

/**
 * A plan event written with the change it announces and not yet known to be on
 * {@code cchc.plans}.
 *
 * @param eventId the CloudEvent id
 * @param type the CloudEvent type, e.g. {@code vn.gov.cchc.plan.issued.v1}
 * @param version the plan version the event carries
 * @param occurredAt when the change was recorded (UTC)
 * @param event the CloudEvent as the exact JSON text to send, so the record is byte for
 * byte what was decided at the write, however often it is retried
 */
record OutboxEntry(String eventId, String type, int version, Instant occurredAt, String event) {

}
