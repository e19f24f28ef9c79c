package vn.gov.cchc.plan.plan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Reads {@code cchc.plans}, bound as {@code planChanges-in-0} without a group so that
 * every instance reads every partition, a batch at a time, and makes {@link Plans} forget
 * each plan an event is about (the record key is the plan id): the next report for it
 * reads the plan from the store again. Only events after the start matter, since the
 * cache starts empty.
 */
class PlanChangesFeed implements Consumer<Message<List<byte[]>>> {

	private final Plans plans;

	PlanChangesFeed(Plans plans) {
		this.plans = plans;
	}

	@Override
	public void accept(Message<List<byte[]>> batch) {
		Object keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
		if (!(keys instanceof List<?> list) || list.size() != batch.getPayload().size()) {
			this.plans.evictAll();
			return;
		}
		for (Object key : list) {
			if (key instanceof byte[] bytes) {
				this.plans.evict(new String(bytes, StandardCharsets.UTF_8));
			}
			else if (key instanceof String text) {
				this.plans.evict(text);
			}
			else {
				this.plans.evictAll();
			}
		}
	}

}
