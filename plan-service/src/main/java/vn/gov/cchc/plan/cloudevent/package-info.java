/**
 * CloudEvents on Kafka, shared by the features: writing an event as structured JSON and
 * sending it through a Spring Cloud Stream output binding (waiting for the broker's
 * acknowledgement), and reading one back.
 */
@NullMarked
package vn.gov.cchc.plan.cloudevent;

import org.jspecify.annotations.NullMarked;
