package vn.gov.cchc.plan.unit;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.plan.cloudevent.CloudEventJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code unitEvents} function, bound as {@code unitEvents-in-0} to
 * {@code cchc.units}.
 */
@Configuration(proxyBeanMethods = false)
class UnitEventsConfiguration {

	@Bean
	Consumer<Message<byte[]>> unitEvents(CloudEventJson json, Units units, MeterRegistry meters) {
		return new UnitEventsConsumer(json, units, meters);
	}

}
