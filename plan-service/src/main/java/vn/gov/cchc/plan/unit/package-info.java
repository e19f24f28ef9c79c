/**
 * The unit tree. {@code PUT /api/v1/units} validates a batch and publishes
 * {@code UnitRegistered} or {@code UnitChanged} for each new or changed unit to the
 * compacted {@code cchc.units} topic; nothing is written to the database on the request
 * path. The {@code units} collection is this service's own view of that topic, kept by
 * {@link vn.gov.cchc.plan.unit.UnitEventsConsumer}, and is what the reads and all
 * validation look at.
 */
@NullMarked
package vn.gov.cchc.plan.unit;

import org.jspecify.annotations.NullMarked;
