package vn.gov.cchc.report.counting;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.messaging.CloudEventJson;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * The {@code counting} function (Kafka Streams binder: {@code counting-in-0} from
 * {@code cchc.progress}, {@code counting-out-0} to {@value CountingTopology#DOCUMENTS}),
 * the units global store it rolls up with, and the {@code readModel} function (Kafka
 * binder, batches) that writes the changed documents.
 */
@Configuration(proxyBeanMethods = false)
class CountingConfiguration {

	@Bean
	CountingMetrics countingMetrics(MeterRegistry registry) {
		return new CountingMetrics(registry);
	}

	@Bean
	Function<KStream<String, byte[]>, KStream<String, byte[]>> counting(CloudEventJson reader, CountingMetrics metrics,
			@Value("${cchc.report.counting.flush-interval:100ms}") Duration flushInterval,
			@Value("${cchc.report.counting.waiting-retry-interval:1s}") Duration waitingRetryInterval) {
		return new CountingTopology(reader, metrics,
				new CountingTopology.CountingProperties(flushInterval, waitingRetryInterval),
				JsonMapper.builder().build());
	}

	/**
	 * Adds the units global store to the topology the binder builds, before the function
	 * is applied to it.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer unitsGlobalStore(CloudEventJson reader) {
		return (factoryBean) -> factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {

			@Override
			public void configureBuilder(StreamsBuilder builder) {
				UnitsView.addTo(builder, reader);
			}

		});
	}

	@Bean
	Consumer<List<byte[]>> readModel(ReadModelWriter writer) {
		return writer::write;
	}

}
