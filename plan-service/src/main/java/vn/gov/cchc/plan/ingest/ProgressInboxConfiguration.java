package vn.gov.cchc.plan.ingest;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code progressInbox} function, bound as {@code progressInbox-in-0} to
 * {@code cchc.progress.inbox}.
 */
@Configuration(proxyBeanMethods = false)
class ProgressInboxConfiguration {

	@Bean
	Consumer<Message<List<byte[]>>> progressInbox(ProgressRequestReader reader, ProgressRequestValidator validator,
			ProgressBatchIngestion batches, InboxRejections rejections, MeterRegistry meters) {
		return new ProgressInboxConsumer(reader, validator, batches, rejections, meters);
	}

	/**
	 * Bound as {@code progressReceiptsFeed-in-0} to {@code cchc.progress}, without a
	 * group.
	 */
	@Bean
	Consumer<Message<List<byte[]>>> progressReceiptsFeed(ProgressReceipts receipts, MeterRegistry meters) {
		return new ProgressReceiptsFeed(receipts, meters);
	}

}
