package vn.gov.cchc.notification.contact;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code cchc.units}, bound as {@code unitEvents-in-0}. It takes the raw
 * bytes so that a record that is not JSON reaches the reader, fails there, and goes to
 * the dead-letter topic instead of failing in the converter.
 */
@Configuration(proxyBeanMethods = false)
class UnitEventsBinding {

	@Bean
	Consumer<Message<byte[]>> unitEvents(ContactUpdates updates) {
		return updates::apply;
	}

}
