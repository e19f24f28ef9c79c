package vn.gov.cchc.outbox;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay of a service's outboxes ({@code cchc.outbox.*}).
 *
 * @param relay the relay that publishes the pending events
 * @param topicPartitions partitions a topic is created with if it does not exist (3, like
 * deploy/local creates the other topics)
 * @param bootstrapServers the brokers; when empty, the Kafka binder's
 * ({@code spring.cloud.stream.kafka.binder.brokers})
 */
@ConfigurationProperties("cchc.outbox")
public record OutboxProperties(@DefaultValue Relay relay, @DefaultValue("3") int topicPartitions,
		@Nullable String bootstrapServers) {

	/**
	 * @param enabled whether this instance relays at all (the others still write events;
	 * whichever instance relays publishes them)
	 * @param pollInterval pause between two rounds
	 * @param leaseDuration how long the relay lease lasts without renewal: after a crash,
	 * another instance takes over after at most this long
	 * @param sendTimeout how long one send may take before the broker is deemed away
	 * @param documentsPerRound documents of each outbox one round looks at; the next
	 * round takes the rest
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
			@DefaultValue("30s") Duration leaseDuration, @DefaultValue("10s") Duration sendTimeout,
			@DefaultValue("500") int documentsPerRound) {

		public Relay {
			// A relay that lost its lease must have finished (or given up) its last send
			// before another takes over, or both could publish the same event.
			if (leaseDuration.compareTo(sendTimeout.multipliedBy(2)) < 0) {
				throw new IllegalArgumentException("cchc.outbox.relay.lease-duration (" + leaseDuration
						+ ") must be at least twice cchc.outbox.relay.send-timeout (" + sendTimeout + ")");
			}
			if (documentsPerRound < 1) {
				throw new IllegalArgumentException("cchc.outbox.relay.documents-per-round must be at least 1");
			}
		}

	}

}
