package vn.gov.cchc.notification.contact;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code cchc.units}, bound as {@code unitEvents-in-0} in batch mode (see
 * {@link UnitEventsErrorHandling} for its retries and dead letters). It takes the raw
 * bytes so that a record that is not JSON reaches the reader, fails there, and goes to
 * the dead-letter topic instead of failing in the converter.
 */
@Configuration(proxyBeanMethods = false)
class UnitEventsBinding {

	@Bean
	Consumer<Message<List<byte[]>>> unitEvents(ContactUpdates updates) {
		return updates::apply;
	}

}
