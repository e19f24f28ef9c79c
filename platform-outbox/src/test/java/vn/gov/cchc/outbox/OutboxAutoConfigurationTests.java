package vn.gov.cchc.outbox;

import java.time.Duration;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the autoconfiguration gives a service: one relay when it declares outboxes, none
 * when it declares none, and settings that cannot let two relays send at once refused at
 * start. The store is never reached: nothing here starts the relay.
 */
class OutboxAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class))
		.withUserConfiguration(Store.class)
		.withPropertyValues("spring.cloud.stream.kafka.binder.brokers=localhost:9092",
				"spring.application.name=outbox-test", "cchc.outbox.relay.enabled=false");

	@Test
	void aServiceWithoutOutboxesHasNoRelay() {
		this.contexts.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OutboxRelay.class));
	}

	@Test
	void aServiceWithOutboxesHasOneRelayForAllOfThemWithItsMetrics() {
		this.contexts.withUserConfiguration(TwoOutboxes.class).run((context) -> {
			assertThat(context).hasSingleBean(OutboxRelay.class);
			OutboxRelay relay = context.getBean(OutboxRelay.class);
			assertThat(relay.isAutoStartup()).as("cchc.outbox.relay.enabled=false").isFalse();
			assertThat(relay.isRunning()).isFalse();
			assertThat(relay.holder()).startsWith("outbox-test@");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("cchc.outbox.published").counters())
				.extracting((counter) -> counter.getId().getTag("collection"))
				.containsExactlyInAnyOrder("plans", "submission_rounds");
			assertThat(meters.find("cchc.outbox.lease.held").gauge()).isNotNull();
		});
	}

	@Test
	void byDefaultTheLeaseLastsThreeSendTimeouts() {
		this.contexts.withUserConfiguration(TwoOutboxes.class).run((context) -> {
			OutboxProperties properties = context.getBean(OutboxProperties.class);
			assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.relay().leaseDuration()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.relay().sendTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.relay().documentsPerRound()).isEqualTo(500);
			assertThat(properties.topicPartitions()).isEqualTo(3);
			assertThat(properties.bootstrapServers()).isNull();
		});
	}

	@Test
	void aLeaseShorterThanTwiceTheSendTimeoutIsRefused() {
		this.contexts.withUserConfiguration(TwoOutboxes.class)
			.withPropertyValues("cchc.outbox.relay.lease-duration=15s", "cchc.outbox.relay.send-timeout=10s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must be at least twice cchc.outbox.relay.send-timeout"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Store {

		@Bean
		MongoDatabaseFactory mongoDatabaseFactory() {
			// A client connects on first use only.
			return new SimpleMongoClientDatabaseFactory(MongoClients.create("mongodb://localhost:1"), "outbox-test");
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoOutboxes {

		@Bean
		Outbox plans() {
			return new Outbox("plan", "plans", "outbox", "cchc.plans");
		}

		@Bean
		Outbox rounds() {
			return new Outbox("round", "submission_rounds", "pending", "cchc.submissions");
		}

	}

}
