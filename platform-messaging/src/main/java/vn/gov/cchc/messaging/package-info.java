/**
 * Kafka records the same way in every service: CloudEvents read and written as structured
 * JSON by {@link vn.gov.cchc.messaging.CloudEventJson}, with a record that can never be
 * read told apart as a {@link vn.gov.cchc.messaging.PoisonEventException}; and retries
 * and dead letters of batch consumers in the listener container's
 * {@link vn.gov.cchc.messaging.BatchConsumerErrorHandling}, with each binding's back-off,
 * dead-letter topic and exceptions not to retry, configured by
 * {@link vn.gov.cchc.messaging.BatchConsumerProperties}, with a batch read by
 * {@link vn.gov.cchc.messaging.BatchReading} so that a bad record fails alone.
 */
@NullMarked
package vn.gov.cchc.messaging;

import org.jspecify.annotations.NullMarked;
