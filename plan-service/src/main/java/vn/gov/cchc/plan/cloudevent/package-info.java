/**
 * CloudEvents on Kafka, shared by the features: sending an event, written as structured
 * JSON by platform-messaging's {@link vn.gov.cchc.messaging.CloudEventJson}, through a
 * Spring Cloud Stream output binding (waiting for the broker's acknowledgement), one at a
 * time or in batches.
 */
@NullMarked
package vn.gov.cchc.plan.cloudevent;

import org.jspecify.annotations.NullMarked;
