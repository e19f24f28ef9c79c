package vn.gov.cchc.messaging;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Gives a service's Kafka binder the {@link BatchConsumerErrorHandling} of its batch
 * consumers, dead-lettering through a producer of its own on the binder's brokers (client
 * id {@code <spring.application.name>-dead-letters}).
 */
@AutoConfiguration
@EnableConfigurationProperties(BatchConsumerProperties.class)
public class PlatformMessagingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ListenerContainerWithDlqAndRetryCustomizer.class)
	BatchConsumerErrorHandling batchConsumerRetriesAndDeadLetters(Environment environment,
			BatchConsumerProperties properties) {
		KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
						ProducerConfig.CLIENT_ID_CONFIG,
						environment.getRequiredProperty("spring.application.name") + "-dead-letters"),
				new ByteArraySerializer(), new ByteArraySerializer()));
		BatchConsumerProperties.FallbackBackOff fallback = properties.fallbackBackOff();
		return new BatchConsumerErrorHandling(deadLetters,
				new FixedBackOff(fallback.interval().toMillis(), fallback.maxRetries()), properties.notRetryable());
	}

}
