package vn.gov.cchc.plan.plan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the plan events' outbox.
 *
 * @param relay the relay that publishes pending entries
 * @param topicPartitions partitions {@code cchc.plans} is created with if it does not
 * exist (3, like deploy/local creates the other topics)
 */
@ConfigurationProperties("cchc.plans.outbox")
record PlanOutboxProperties(@DefaultValue Relay relay, @DefaultValue("3") int topicPartitions) {

	/**
	 * @param enabled whether this instance relays at all (the others still write entries;
	 * whichever instance relays publishes them)
	 * @param pollInterval pause between two rounds
	 * @param leaseDuration how long the relay lease lasts without renewal: after a crash,
	 * another instance takes over after at most this long
	 * @param sendTimeout how long one send may take before the broker is deemed away
	 */
	record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
			@DefaultValue("30s") Duration leaseDuration, @DefaultValue("10s") Duration sendTimeout) {

		Relay {
			// A relay that lost its lease must have finished (or given up) its last send
			// before another takes over, or both could publish the same entry.
			if (leaseDuration.compareTo(sendTimeout.multipliedBy(2)) < 0) {
				throw new IllegalArgumentException("cchc.plans.outbox.relay.lease-duration (" + leaseDuration
						+ ") must be at least twice cchc.plans.outbox.relay.send-timeout (" + sendTimeout + ")");
			}
		}

	}

}
