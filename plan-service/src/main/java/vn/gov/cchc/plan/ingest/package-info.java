/**
 * Progress ingestion: {@code POST /api/v1/progress} validates a report, accepts each
 * {@code eventId} once, and answers 202 only after the broker acknowledged
 * {@code ProgressRecorded} on {@code cchc.progress}.
 */
@NullMarked
package vn.gov.cchc.plan.ingest;

import org.jspecify.annotations.NullMarked;
