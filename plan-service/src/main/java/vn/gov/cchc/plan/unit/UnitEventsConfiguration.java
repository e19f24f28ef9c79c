package vn.gov.cchc.plan.unit;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.messaging.CloudEventJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The functions that read {@code cchc.units} in batches: {@code unitEvents}, bound as
 * {@code unitEvents-in-0} in the service's group, keeps the {@code units} view;
 * {@code unitDirectoryFeed}, bound as {@code unitDirectoryFeed-in-0} without a group,
 * keeps every instance's {@link UnitDirectory}.
 */
@Configuration(proxyBeanMethods = false)
class UnitEventsConfiguration {

	@Bean
	Consumer<Message<List<byte[]>>> unitEvents(CloudEventJson json, Units units, UnitDirectory directory,
			MeterRegistry meters) {
		return new UnitEventsConsumer(json, units, directory, meters);
	}

	@Bean
	Consumer<Message<List<byte[]>>> unitDirectoryFeed(CloudEventJson json, UnitDirectory directory) {
		return new UnitDirectoryFeed(json, directory);
	}

}
