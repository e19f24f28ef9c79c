package vn.gov.cchc.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The relay's counters for one {@link Outbox}, tagged with its aggregate and collection.
 *
 * @param published events published and cleared
 * @param failures sends the broker did not acknowledge
 * @param reconciled events found on their topic by reconciliation and cleared
 */
record OutboxMeters(Counter published, Counter failures, Counter reconciled) {

	/**
	 * Registers the counters of an outbox and the gauge of its waiting events.
	 */
	static OutboxMeters register(Outbox outbox, OutboxStore store, MeterRegistry registry) {
		Tags tags = Tags.of("aggregate", outbox.aggregate(), "collection", outbox.collection());
		OutboxMeters meters = new OutboxMeters(
				Counter.builder("cchc.outbox.published")
					.description("Events the outbox relay published and cleared")
					.tags(tags)
					.register(registry),
				Counter.builder("cchc.outbox.failures")
					.description("Sends of outbox events the broker did not acknowledge")
					.tags(tags)
					.register(registry),
				Counter.builder("cchc.outbox.reconciled")
					.description("Waiting events found already on their topic and cleared without sending again")
					.tags(tags)
					.register(registry));
		// Counted when read, so that it is right on every instance, relaying or not.
		Gauge.builder("cchc.outbox.pending", store, (counted) -> counted.pendingEventIds(outbox).size())
			.description("Events written and not yet known to be on their topic")
			.tags(tags)
			.strongReference(true)
			.register(registry);
		return meters;
	}

}
