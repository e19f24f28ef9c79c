package vn.gov.cchc.plan.plan;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.plan.cloudevent.CloudEventJson;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The relay of the plan events' outbox, talking to the same brokers as the bindings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanOutboxProperties.class)
class PlanOutboxConfiguration {

	@Bean
	PlanOutboxRelay planOutboxRelay(MongoTemplate mongo, CloudEventJson json, Clock clock,
			PlanOutboxProperties properties, MeterRegistry meters,
			@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
		return new PlanOutboxRelay(new PlanOutboxStore(mongo),
				new PlanEventsKafka(brokers, properties.relay().sendTimeout()), json, Topics.PLANS,
				properties.topicPartitions(), clock, properties.relay(), meters, PlanOutboxRelay.newHolderId());
	}

}
