package vn.gov.cchc.notification;

import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters for the consumers that take their records in batches (both of
 * this service's): the binder retries and dead-letters single records only, so both move
 * to the listener container's error handler, with the binding's back-off, dead-letter
 * topic ({@code enable-dlq}, {@code dlq-name}) and exceptions not to retry
 * ({@code retryable-exceptions: {X: false}}).
 * <ul>
 * <li>A consumer that names the record that failed ({@code BatchListenerFailedException},
 * after applying the records before it) has those committed; a record that cannot be read
 * is dead-lettered at once, since it would fail the same way every time, and the rest of
 * the batch is delivered again.</li>
 * <li>Any other failure (the store away) retries the whole batch, which the consumers
 * take again without harm (they are idempotent by event id), and dead-letters it once the
 * retries are spent.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BatchConsumerErrorHandling {

	private static final Logger logger = LoggerFactory.getLogger(BatchConsumerErrorHandling.class);

	@Bean
	ListenerContainerWithDlqAndRetryCustomizer batchConsumerRetriesAndDeadLetters(
			@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
		KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
								ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.CLIENT_ID_CONFIG,
								"notification-service-dead-letters"),
						new ByteArraySerializer(), new ByteArraySerializer()));
		return new ListenerContainerWithDlqAndRetryCustomizer() {

			@Override
			public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
					String group,
					@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
					@Nullable BackOff backOff) {
				configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
			}

			@Override
			public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
					String group,
					@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
					@Nullable BackOff backOff,
					@Nullable ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
				ConsumerRecordRecoverer recoverer = (dlqDestinationResolver != null)
						? new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver)
						: (record, ex) -> logger.error("Gave up on {}-{}@{}: {}", record.topic(), record.partition(),
								record.offset(), ex.getMessage());
				DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
						(backOff != null) ? backOff : new FixedBackOff(1000, 2));
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

		};
	}

}
