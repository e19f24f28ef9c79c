/**
 * Progress ingestion. Reports come over HTTP ({@code POST /api/v1/progress}, one at a
 * time; {@code POST /api/v1/progress:batch}, up to 1,000 each answered on its own;
 * {@code POST /api/v1/progress/{eventId}:retract}) or straight from Kafka
 * ({@code cchc.progress.inbox}). Each is validated on its own and against the issued plan
 * and the unit tree on its day, accepted once per {@code eventId}, and becomes
 * {@code ProgressRecorded}, {@code ProgressCorrected} or {@code ProgressRetracted} on
 * {@code cchc.progress} (key = unit code), acknowledged by the broker before it is
 * answered as accepted. Refused inbox records go to {@code cchc.progress.rejected} with
 * the reasons.
 *
 * <p>
 * What it costs: validation reads plans and units from memory (kept current from
 * {@code cchc.plans} and {@code cchc.units}); a request or an inbox batch writes its
 * claims to the store with one insert (shared with the requests that claim at the same
 * time), publishes its events without waiting for each, and waits once for all the
 * acknowledgements; a retry of a recorded report costs the store nothing
 * ({@link vn.gov.cchc.plan.ingest.ProgressReceipts}).
 *
 * <p>
 * Each instance holds the receipts in memory: what the journal held when it started, what
 * it accepted since, and what the other instances accepted since, learned from a header
 * on their records on {@code cchc.progress} ({@code ProgressReceiptsFeed}). Two instances
 * that get the same {@code eventId} within the moment it takes the first record to reach
 * the other can both accept it: report-service keeps the first event of an id, but a
 * different report under that id is then answered 202 instead of 409. A client's retry
 * comes later than that.
 */
@NullMarked
package vn.gov.cchc.plan.ingest;

import org.jspecify.annotations.NullMarked;
