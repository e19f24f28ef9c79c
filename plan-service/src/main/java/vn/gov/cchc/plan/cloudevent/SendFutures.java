package vn.gov.cchc.plan.cloudevent;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Where the binder's Kafka handlers hand over the producer's send future of a message
 * that carries a {@link KafkaIntegrationHeaders#FUTURE_TOKEN}. The channel is direct, so
 * the future is here by the time the send returns, on the sending thread; the sender
 * takes it by its token.
 */
@Component
class SendFutures {

	private final DirectChannel channel = new DirectChannel();

	private final Map<Object, CompletableFuture<?>> handedOver = new ConcurrentHashMap<>();

	SendFutures() {
		this.channel.subscribe((message) -> {
			Object token = message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN);
			if (token != null && message.getPayload() instanceof CompletableFuture<?> future) {
				this.handedOver.put(token, future);
			}
		});
	}

	MessageChannel channel() {
		return this.channel;
	}

	@Nullable CompletableFuture<?> take(Object token) {
		return this.handedOver.remove(token);
	}

}
