/**
 * Publishing a service's events without dual writes: an event waits as an
 * {@link vn.gov.cchc.outbox.OutboxEvent} inside the document of the aggregate it is
 * about, written by the same single-document update as the change it announces (the store
 * has no transactions to make two writes one), and the service's one
 * {@link vn.gov.cchc.outbox.OutboxRelay} sends it to the aggregate's topic and clears it.
 * A service declares its {@link vn.gov.cchc.outbox.Outbox}es (which collection, which
 * field, which topic); {@link vn.gov.cchc.outbox.OutboxProperties} tune the relay.
 */
@NullMarked
package vn.gov.cchc.outbox;

import org.jspecify.annotations.NullMarked;
