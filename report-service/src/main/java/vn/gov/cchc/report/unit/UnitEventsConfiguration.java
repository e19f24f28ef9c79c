package vn.gov.cchc.report.unit;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.messaging.CloudEventJson;

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
	Consumer<Message<byte[]>> unitEvents(CloudEventJson reader, Units units, MeterRegistry registry) {
		return new UnitEventsConsumer(reader, units, registry);
	}

}
