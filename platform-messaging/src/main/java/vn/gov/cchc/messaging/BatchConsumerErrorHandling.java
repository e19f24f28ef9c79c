package vn.gov.cchc.messaging;

import java.util.List;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * Retries and dead letters for the consumers that take their records in batches: the
 * binder retries and dead-letters single records only, so both move to the listener
 * container's error handler, with the binding's own back-off ({@code max-attempts},
 * {@code back-off-*}), dead-letter topic ({@code enable-dlq}, {@code dlq-name}) and
 * exceptions not to retry ({@code retryable-exceptions: {X: false}}).
 *
 * <ul>
 * <li>A consumer that names the record that failed ({@code BatchListenerFailedException},
 * after handling the records before it) has the records before it committed; that record
 * is retried, then dead-lettered, and the rest of the batch is delivered again. A record
 * that fails with an exception not to retry is dead-lettered at once, since it would fail
 * the same way every time.</li>
 * <li>Any other failure (the store or the broker away) retries the whole batch, which the
 * consumers take again without harm since they are idempotent by event id, and
 * dead-letters its records once the retries are spent, from where they can be put
 * back.</li>
 * </ul>
 * A binding without a dead-letter topic has what is given up on logged instead.
 */
public class BatchConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

	private static final Logger logger = LoggerFactory.getLogger(BatchConsumerErrorHandling.class);

	private final KafkaOperations<?, ?> deadLetters;

	private final BackOff fallbackBackOff;

	private final List<Class<? extends Exception>> notRetryable;

	/**
	 * @param deadLetters sends the records given up on to the binding's dead-letter topic
	 * @param fallbackBackOff the back-off of a binding for which the binder gives none
	 * ({@code max-attempts: 1})
	 * @param notRetryable exceptions no consumer retries, besides those its binding names
	 */
	public BatchConsumerErrorHandling(KafkaOperations<?, ?> deadLetters, BackOff fallbackBackOff,
			List<Class<? extends Exception>> notRetryable) {
		this.deadLetters = deadLetters;
		this.fallbackBackOff = fallbackBackOff;
		this.notRetryable = List.copyOf(notRetryable);
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
			@Nullable BackOff backOff) {
		configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
			@Nullable BackOff backOff, @Nullable ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
		ConsumerRecordRecoverer recoverer = (dlqDestinationResolver != null)
				? new DeadLetterPublishingRecoverer(this.deadLetters, dlqDestinationResolver)
				: (record, ex) -> logger.error("Gave up on {}-{}@{}: {}", record.topic(), record.partition(),
						record.offset(), ex.getMessage());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				(backOff != null) ? backOff : this.fallbackBackOff);
		this.notRetryable.forEach(handler::addNotRetryableExceptions);
		if (properties != null) {
			properties.getRetryableExceptions().forEach((type, retryable) -> {
				if (!retryable) {
					handler.addNotRetryableExceptions(type.asSubclass(Exception.class));
				}
			});
		}
		container.setCommonErrorHandler(handler);
	}

	@Override
	public boolean retryAndDlqInBinding(String destinationName, String group) {
		return false;
	}

}
