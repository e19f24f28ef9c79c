/**
 * Reading CloudEvents 1.0 structured JSON off Kafka: one tolerant reader for every
 * consumer, which dispatches on the envelope's {@code type} and turns anything unreadable
 * into a {@link vn.gov.cchc.report.cloudevent.PoisonEventException} that the binder
 * dead-letters at once instead of retrying.
 */
@NullMarked
package vn.gov.cchc.report.cloudevent;

import org.jspecify.annotations.NullMarked;
