package vn.gov.cchc.plan.ingest;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Reads {@code cchc.progress}, bound as {@code progressReceiptsFeed-in-0} without a group
 * so that every instance reads every partition, a batch at a time, and teaches
 * {@link ProgressReceipts} the receipts in the records' {@value ReceiptHeader#NAME}
 * headers: a retry that reaches another instance than the first send is then recognised
 * there. Only the headers are read, never the events; records without the header (put on
 * the topic by anyone else) are passed over.
 */
class ProgressReceiptsFeed implements Consumer<Message<List<byte[]>>> {

	private final ProgressReceipts receipts;

	private final Counter learned;

	ProgressReceiptsFeed(ProgressReceipts receipts, MeterRegistry meters) {
		this.receipts = receipts;
		this.learned = Counter.builder("cchc.ingest.receipts.learned")
			.description("Receipts learned from cchc.progress: given by another instance, or acknowledged unseen")
			.register(meters);
	}

	@Override
	public void accept(Message<List<byte[]>> batch) {
		Object converted = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
		if (!(converted instanceof List<?> headers)) {
			return;
		}
		for (Object recordHeaders : headers) {
			if (recordHeaders instanceof Map<?, ?> map && map.get(ReceiptHeader.NAME) instanceof byte[] value) {
				ProgressReceipt receipt = ReceiptHeader.read(value);
				if (receipt != null && this.receipts.learn(receipt)) {
					this.learned.increment();
				}
			}
		}
	}

}
