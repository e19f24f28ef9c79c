package vn.gov.cchc.notification.contact;

import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.Topics;

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
 * Retries and dead letters for {@code cchc.units}, whose consumer takes its records in
 * batches: the binder retries and dead-letters single records only, so for this binding
 * both move to the listener container's error handler, with the binding's back-off and
 * dead-letter topic ({@code enable-dlq}, {@code dlq-name}). The other bindings keep the
 * binder's own.
 * <ul>
 * <li>A record that cannot be read ({@link UnreadableUnitEventException}, named by its
 * index in the batch after the records before it are applied) is dead-lettered at once:
 * it would fail the same way every time. The records before it are committed and the rest
 * of the batch is delivered again.</li>
 * <li>Any other failure (the store away) retries the whole batch, which the consumer
 * takes again without harm (its writes keep only newer events), and dead-letters it once
 * the retries are spent.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class UnitEventsErrorHandling {

	private static final Logger logger = LoggerFactory.getLogger(UnitEventsErrorHandling.class);

	@Bean
	ListenerContainerWithDlqAndRetryCustomizer unitEventsRetriesAndDeadLetters(
			@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
		KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.CLIENT_ID_CONFIG,
						"notification-service-unit-dead-letters"),
				new ByteArraySerializer(), new ByteArraySerializer()));
		return new ListenerContainerWithDlqAndRetryCustomizer() {

			@Override
			public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
					String group,
					@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
					@Nullable BackOff backOff) {
				if (!retryAndDlqInContainer(destinationName)) {
					return;
				}
				ConsumerRecordRecoverer recoverer = (dlqDestinationResolver != null)
						? new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver)
						: (record, ex) -> logger.error("Gave up on {}-{}@{}: {}", record.topic(), record.partition(),
								record.offset(), ex.getMessage());
				DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
						(backOff != null) ? backOff : new FixedBackOff(1000, 2));
				handler.addNotRetryableExceptions(UnreadableUnitEventException.class);
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
				return !retryAndDlqInContainer(destinationName);
			}

			private boolean retryAndDlqInContainer(String destinationName) {
				return Topics.UNITS.equals(destinationName);
			}

		};
	}

}
