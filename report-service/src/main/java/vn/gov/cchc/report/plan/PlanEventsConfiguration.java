package vn.gov.cchc.report.plan;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.messaging.CloudEventJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code planEvents} function, bound as {@code planEvents-in-0} to
 * {@code cchc.plans}.
 */
@Configuration(proxyBeanMethods = false)
class PlanEventsConfiguration {

	@Bean
	Consumer<Message<byte[]>> planEvents(CloudEventJson reader, Plans plans, MeterRegistry registry) {
		return new PlanEventsConsumer(reader, plans, registry);
	}

}
