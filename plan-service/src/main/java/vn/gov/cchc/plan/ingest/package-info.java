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
 */
@NullMarked
package vn.gov.cchc.plan.ingest;

import org.jspecify.annotations.NullMarked;
