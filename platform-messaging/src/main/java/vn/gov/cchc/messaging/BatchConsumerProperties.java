package vn.gov.cchc.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's batch consumers treat failures beyond what their bindings say
 * ({@code cchc.messaging.batch-consumers.*}).
 *
 * @param notRetryable exceptions dead-lettered at once by every consumer of the service,
 * whatever its binding's {@code retryable-exceptions}: those that mean the record itself
 * cannot be read
 * @param fallbackBackOff the retries of a binding for which the binder gives no back-off
 * ({@code max-attempts: 1})
 */
@ConfigurationProperties("cchc.messaging.batch-consumers")
public record BatchConsumerProperties(@DefaultValue List<Class<? extends Exception>> notRetryable,
		@DefaultValue FallbackBackOff fallbackBackOff) {

	public BatchConsumerProperties {
		for (Class<?> type : notRetryable) {
			if (!Exception.class.isAssignableFrom(type)) {
				throw new IllegalArgumentException(
						"cchc.messaging.batch-consumers.not-retryable names " + type.getName() + ", not an Exception");
			}
		}
	}

	/**
	 * A fixed back-off.
	 *
	 * @param interval the wait before each retry
	 * @param maxRetries how many times a record or batch is tried again; two by default,
	 * as the binder's default of three attempts has
	 */
	public record FallbackBackOff(@DefaultValue("1s") Duration interval, @DefaultValue("2") long maxRetries) {

	}

}
