package vn.gov.cchc.plan.cloudevent;

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
 * Retries and dead letters for the consumers that take their records in batches (every
 * consumer of this service does): the binder retries and dead-letters single records
 * only, so both move to the listener container's error handler, with the binding's own
 * back-off ({@code max-attempts}, {@code back-off-*}) and dead-letter topic
 * ({@code enable-dlq}, {@code dlq-name}).
 *
 * <ul>
 * <li>A consumer that names the record that failed ({@code BatchListenerFailedException},
 * after handling the records before it) has the records before it committed; that record
 * is retried, then dead-lettered, and the rest of the batch is delivered again. A
 * {@link PoisonEventException} is not retried: it would fail the same way every
 * time.</li>
 * <li>Any other failure (the store or the broker away) retries the whole batch, which the
 * consumers take again without harm since they are idempotent, and dead-letters its
 * records once the retries are spent, from where they can be put back.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BatchConsumerErrorHandling {

	private static final Logger logger = LoggerFactory.getLogger(BatchConsumerErrorHandling.class);

	@Bean
	ListenerContainerWithDlqAndRetryCustomizer batchConsumerRetriesAndDeadLetters(
			@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
		KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.CLIENT_ID_CONFIG,
						"plan-service-dead-letters"),
				new ByteArraySerializer(), new ByteArraySerializer()));
		return new ListenerContainerWithDlqAndRetryCustomizer() {

			@Override
			public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
					String group,
					@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
					@Nullable BackOff backOff) {
				ConsumerRecordRecoverer recoverer = (dlqDestinationResolver != null)
						? new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver)
						: (record, ex) -> logger.error("Gave up on {}-{}@{}: {}", record.topic(), record.partition(),
								record.offset(), ex.getMessage());
				DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
						(backOff != null) ? backOff : new FixedBackOff(1000, 4));
				handler.addNotRetryableExceptions(PoisonEventException.class);
				container.setCommonErrorHandler(handler);
			}

			@Override
			public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
					String group,
					@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
					@Nullable BackOff backOff,
					@Nullable ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
				configure(container, destinationName, group, dlqDestinationResolver, backOff);
			}

			@Override
			public boolean retryAndDlqInBinding(String destinationName, String group) {
				return false;
			}

		};
	}

}
