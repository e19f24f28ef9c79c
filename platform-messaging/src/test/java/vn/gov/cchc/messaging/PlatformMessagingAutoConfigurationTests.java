package vn.gov.cchc.messaging;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service gets from the module: the batch consumers' error handling as the
 * binder's container customizer, with the service's settings.
 */
class PlatformMessagingAutoConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformMessagingAutoConfiguration.class))
		.withPropertyValues("spring.application.name=plan-service",
				"spring.cloud.stream.kafka.binder.brokers=localhost:9092");

	@Test
	void givesTheBinderTheBatchConsumerErrorHandlingWithTheDefaultsOfAServiceThatSetsNothing() {
		this.context.run((context) -> {
			assertThat(context).getBean(ListenerContainerWithDlqAndRetryCustomizer.class)
				.isInstanceOf(BatchConsumerErrorHandling.class);
			BatchConsumerProperties properties = context.getBean(BatchConsumerProperties.class);
			assertThat(properties.notRetryable()).isEmpty();
			assertThat(properties.fallbackBackOff().interval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.fallbackBackOff().maxRetries()).isEqualTo(2);
		});
	}

	@Test
	void bindsTheExceptionsNotToRetryAndTheFallbackBackOffOfAService() {
		this.context
			.withPropertyValues("cchc.messaging.batch-consumers.not-retryable=java.lang.IllegalArgumentException",
					"cchc.messaging.batch-consumers.fallback-back-off.max-retries=4")
			.run((context) -> {
				BatchConsumerProperties properties = context.getBean(BatchConsumerProperties.class);
				assertThat(properties.notRetryable()).containsExactly(IllegalArgumentException.class);
				assertThat(properties.fallbackBackOff().maxRetries()).isEqualTo(4);
			});
	}

	@Test
	void refusesToStartWhenANotRetryableTypeIsNoException() {
		this.context.withPropertyValues("cchc.messaging.batch-consumers.not-retryable=java.lang.String")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("java.lang.String, not an Exception"));
	}

	@Test
	void stepsAsideForAServicesOwnCustomizer() {
		ListenerContainerWithDlqAndRetryCustomizer own = (container, destination, group, dlqDestinationResolver,
				backOff) -> {
		};
		this.context.withBean(ListenerContainerWithDlqAndRetryCustomizer.class, () -> own)
			.run((context) -> assertThat(context).getBean(ListenerContainerWithDlqAndRetryCustomizer.class)
				.isSameAs(own));
	}

}
