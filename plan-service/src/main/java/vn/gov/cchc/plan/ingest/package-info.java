/**
 * Progress ingestion over HTTP and from {@code cchc.progress.inbox}: validated, accepted
 * once per {@code eventId}, published to {@code cchc.progress}. How it works and what it
 * costs: docs/ingestion.md.
 */
@NullMarked
package vn.gov.cchc.plan.ingest;

import org.jspecify.annotations.NullMarked;
