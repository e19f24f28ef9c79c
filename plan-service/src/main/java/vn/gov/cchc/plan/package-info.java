/**
 * plan-service: keeps the unit tree (as a view of the {@code cchc.units} topic it
 * publishes to) and turns progress reports into {@code ProgressRecorded} events on
 * {@code cchc.progress}, once per {@code eventId}.
 */
@NullMarked
package vn.gov.cchc.plan;

import org.jspecify.annotations.NullMarked;
