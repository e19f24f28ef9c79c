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
 * Retries and dead letters for the consumers that take their records in batches, moved to
 * the listener container's error handler with the binding's own settings.
 *
 * <p>
 * Why: docs/ingestion.md, "Batch consumers: retries and dead letters".
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
