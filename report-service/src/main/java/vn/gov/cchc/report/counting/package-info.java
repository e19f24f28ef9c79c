/**
 * Counting progress facts with Kafka Streams:
 * {@link vn.gov.cchc.report.counting.CountingTopology} deduplicates every event id, keeps
 * each fact's effect so that corrections and retractions take it back, rolls each fact up
 * the unit tree valid on its date (the {@code cchc.units} global table), sums per unit,
 * plan, activity and day in changelogged stores, and emits each changed document once per
 * flush; {@link vn.gov.cchc.report.counting.ReadModelWriter} writes those documents to
 * MongoDB in bulk. The log ({@code cchc.progress}, kept forever) is the ledger:
 * rebuilding is a reprocess from offset 0
 * ({@link vn.gov.cchc.report.counting.CountingReset}).
 */
@NullMarked
package vn.gov.cchc.report.counting;

import org.jspecify.annotations.NullMarked;
