package vn.gov.cchc.notification.reminder;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code cchc.submissions}, bound as {@code submissionEvents-in-0} in
 * batch mode. It takes the raw bytes so that a record that is not JSON reaches the
 * reader, fails there, and goes to the dead-letter topic instead of failing in the
 * converter.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionEventsBinding {

	@Bean
	Consumer<Message<List<byte[]>>> submissionEvents(DeadlineUpdates updates) {
		return updates::apply;
	}

}
