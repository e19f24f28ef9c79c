/**
 * Event contracts of the CCHC platform: the CloudEvents 1.0 envelope, the event records
 * and the topic and type names. Plain Java with no Spring and no Jackson, so that every
 * service, and any commune system that publishes straight onto Kafka, can depend on it.
 * The JSON Schemas under {@code schemas/} describe the same shapes for non-Java
 * producers.
 */
@NullMarked
package vn.gov.cchc.events;

import org.jspecify.annotations.NullMarked;
