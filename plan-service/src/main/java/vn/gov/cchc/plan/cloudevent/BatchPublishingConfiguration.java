package vn.gov.cchc.plan.cloudevent;

import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;

/**
 * Lets the binder's Kafka handlers hand send futures to {@link SendFutures}, for
 * {@link BatchPublisher}. Set on every producer handler because the customizer only
 * learns the destination, not the binding; a handler hands a future over only for a
 * message carrying a future token, which only {@link BatchPublisher} sends, so the others
 * are unaffected.
 */
@Configuration(proxyBeanMethods = false)
class BatchPublishingConfiguration {

	@Bean
	ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> sendFuturesToBatchPublisher(
			SendFutures futures) {
		return (handler, destination) -> handler.setFuturesChannel(futures.channel());
	}

}
