/**
 * Consuming Kafka in batches the same way in every service: retries and dead letters in
 * the listener container's {@link vn.gov.cchc.messaging.BatchConsumerErrorHandling}, with
 * each binding's back-off, dead-letter topic and exceptions not to retry, configured by
 * {@link vn.gov.cchc.messaging.BatchConsumerProperties}.
 */
@NullMarked
package vn.gov.cchc.messaging;

import org.jspecify.annotations.NullMarked;
