/**
 * The event contracts published at the edge: the AsyncAPI document of the Kafka topics
 * and the JSON Schemas it points at, served from the event-contracts jar so that they
 * cannot drift from what the services publish.
 */
@NullMarked
package vn.gov.cchc.gateway.contract;

import org.jspecify.annotations.NullMarked;
