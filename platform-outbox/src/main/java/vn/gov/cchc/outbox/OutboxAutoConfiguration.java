package vn.gov.cchc.outbox;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Gives a service that declares {@link Outbox}es its one {@link OutboxRelay}, on the
 * service's store and on the Kafka binder's brokers (or
 * {@code cchc.outbox.bootstrap-servers}). The lease runs on the system clock, not on a
 * service's own {@code Clock} bean: it is about real time between processes, whatever
 * time a test makes the domain live in.
 */
@AutoConfiguration
@ConditionalOnBean(Outbox.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(MongoDatabaseFactory store, List<Outbox> outboxes, OutboxProperties properties,
			MeterRegistry meters, Environment environment) {
		String brokers = properties.bootstrapServers();
		if (brokers == null || brokers.isBlank()) {
			brokers = environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers");
		}
		return new OutboxRelay(store.getMongoDatabase(), brokers, outboxes, properties, Clock.systemUTC(), meters,
				OutboxRelay.newHolderId(environment.getProperty("spring.application.name", "service")));
	}

}
