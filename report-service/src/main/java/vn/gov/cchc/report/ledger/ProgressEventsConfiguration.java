package vn.gov.cchc.report.ledger;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.report.cloudevent.CloudEventReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code progressEvents} function, bound as {@code progressEvents-in-0} to
 * {@code cchc.progress}.
 */
@Configuration(proxyBeanMethods = false)
class ProgressEventsConfiguration {

	/** The binding the rebuild stops while it rewrites the totals. */
	static final String BINDING = "progressEvents-in-0";

	@Bean
	Consumer<Message<byte[]>> progressEvents(CloudEventReader reader, LedgerApplier applier, MeterRegistry registry) {
		return new ProgressEventsConsumer(reader, applier, registry);
	}

}
