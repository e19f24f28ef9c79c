package vn.gov.cchc.plan.cloudevent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.messaging.CloudEventJson;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes the events of a batch without waiting for each: every event is handed to the
 * producer of an asynchronous binding (same topic and producer settings as the
 * synchronous binding of the same events: {@code publishProgressBatch-out-0} for
 * progress, {@code publishUnitBatch-out-0} for units), and only then are the broker's
 * acknowledgements awaited, all together. Records of one batch so share produce requests
 * instead of paying a round trip each.
 *
 * <p>
 * The acknowledgement of each record is the producer's send future, which the binder's
 * Kafka handler hands over to {@link SendFutures} for a message that carries a
 * {@link KafkaIntegrationHeaders#FUTURE_TOKEN}.
 */
@Component
public class BatchPublisher {

	private static final Logger logger = LoggerFactory.getLogger(BatchPublisher.class);

	private final StreamBridge streamBridge;

	private final CloudEventJson json;

	private final SendFutures futures;

	private final Duration ackWait;

	/**
	 * @param deliveryTimeoutMs the producer's own bound on a record's delivery, after
	 * which its future fails; the wait adds a margin to it, as the binder does for sync
	 * sends
	 */
	BatchPublisher(StreamBridge streamBridge, CloudEventJson json, SendFutures futures,
			@Value("${spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms:120000}") long deliveryTimeoutMs) {
		this.streamBridge = streamBridge;
		this.json = json;
		this.futures = futures;
		this.ackWait = Duration.ofMillis(deliveryTimeoutMs).plusSeconds(5);
	}

	/**
	 * Publishes the events and waits for the broker to acknowledge them.
	 * @param events the events with their record keys, in order
	 * @return for each event, in the same order, whether the broker acknowledged it; an
	 * event after one that could not even be handed to the producer (the broker is
	 * unreachable) is not sent at all and counts as not acknowledged
	 */
	public List<Boolean> publish(String binding, List<Keyed> events) {
		List<CompletableFuture<?>> sent = new ArrayList<>(events.size());
		for (Keyed event : events) {
			CompletableFuture<?> future = send(binding, event);
			if (future == null) {
				break;
			}
			sent.add(future);
		}
		long deadline = System.nanoTime() + this.ackWait.toNanos();
		List<Boolean> acknowledged = new ArrayList<>(events.size());
		for (CompletableFuture<?> future : sent) {
			acknowledged.add(await(future, deadline));
		}
		while (acknowledged.size() < events.size()) {
			acknowledged.add(false);
		}
		return acknowledged;
	}

	/**
	 * @return the send future, or {@code null} if the producer refused the record
	 */
	private @Nullable CompletableFuture<?> send(String binding, Keyed event) {
		String token = UUID.randomUUID().toString();
		Message<byte[]> message = MessageBuilder.withPayload(this.json.write(event.event()))
			.copyHeaders(event.headers())
			.setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
			.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
			.setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, token)
			.build();
		try {
			if (!this.streamBridge.send(binding, message)) {
				logger.warn("Event {} was not sent on {}", event.event().id(), binding);
				return null;
			}
		}
		catch (RuntimeException ex) {
			// Typically no metadata within max.block.ms: the broker is away, and every
			// further send would wait as long again.
			logger.warn("Event {} could not be handed to the producer of {}: {}", event.event().id(), binding,
					ex.getMessage());
			return null;
		}
		CompletableFuture<?> future = this.futures.take(token);
		if (future == null) {
			throw new IllegalStateException("The producer of " + binding + " did not hand over the send future of "
					+ event.event().id() + "; is the futures channel set on the binder's handler?");
		}
		return future;
	}

	private static boolean await(CompletableFuture<?> future, long deadline) {
		try {
			future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	/**
	 * An event, its record key and any record headers of this service's own (the event's
	 * contract is the value; headers only help other instances).
	 */
	public record Keyed(String key, CloudEvent<?> event, Map<String, byte[]> headers) {

		public Keyed(String key, CloudEvent<?> event) {
			this(key, event, Map.of());
		}

	}

}
