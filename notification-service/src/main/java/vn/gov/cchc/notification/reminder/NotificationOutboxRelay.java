package vn.gov.cchc.notification.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.Topics;

import org.springframework.beans.factory.DisposableBean;

/**
 * Publishes the events waiting in the deliveries' outboxes to {@code cchc.notifications}
 * and then removes them from their documents, a batch at a time: every event of the batch
 * is handed to the producer at once, the acknowledgements are awaited once, and the
 * acknowledged events leave their outboxes in one bulk write. At least once with the same
 * CloudEvent id: a process that dies between the broker's acknowledgement
 * ({@code acks=all}, idempotent producer) and the removal sends the event again next
 * round, and consumers dedupe by id.
 */
class NotificationOutboxRelay implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(NotificationOutboxRelay.class);

	private static final int DOCUMENTS_PER_ROUND = 500;

	private final Deliveries deliveries;

	private final String bootstrapServers;

	private final Duration timeout;

	private final Counter published;

	private @Nullable KafkaProducer<String, byte[]> producer;

	/** Publishes what the dispatcher just recorded; one thread, a short queue. */
	private final ExecutorService soon = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new LinkedBlockingQueue<>(1000), (task) -> {
				Thread thread = new Thread(task, "reminders-outbox-relay");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	NotificationOutboxRelay(Deliveries deliveries, String bootstrapServers, Duration timeout, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.bootstrapServers = bootstrapServers;
		this.timeout = timeout;
		this.published = Counter.builder("cchc.reminders.outbox.published")
			.description("Reminder events the outbox relay published to " + Topics.NOTIFICATIONS)
			.register(meters);
	}

	/**
	 * One round over the deliveries with events waiting, as many batches as there are.
	 * @return how many events were published
	 */
	synchronized int relayOnce() {
		int sent = 0;
		while (true) {
			List<Delivery> pending = this.deliveries.withPendingEvents(DOCUMENTS_PER_ROUND);
			int published = publish(pending);
			sent += Math.max(0, published);
			if (published < 0 || pending.size() < DOCUMENTS_PER_ROUND) {
				return sent;
			}
		}
	}

	/**
	 * Publishes the events of these deliveries soon, on the relay's own thread, so that
	 * the dispatcher neither waits for the broker nor makes the relay look through every
	 * delivery for them. What this misses (a broker that is down, a process that dies)
	 * the next {@link #relayOnce} finds.
	 */
	void publishSoon(Collection<String> deliveryIds) {
		if (deliveryIds.isEmpty()) {
			return;
		}
		// A full queue, or a relay shutting down, drops the task: the events wait in
		// their outboxes for the next round.
		this.soon.execute(() -> {
			try {
				publishNow(deliveryIds);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not publish the events of {} deliveries now; the next round will: {}",
						deliveryIds.size(), ex.toString());
			}
		});
	}

	private synchronized void publishNow(Collection<String> deliveryIds) {
		// Read again under the lock: a round of relayOnce may have published them since.
		publish(this.deliveries.findAll(deliveryIds)
			.stream()
			.filter((delivery) -> !delivery.outbox().isEmpty())
			.toList());
	}

	/**
	 * Sends every waiting event of these deliveries without waiting on each, waits once
	 * for the broker's acknowledgements, and removes the acknowledged ones from their
	 * outboxes in one bulk write.
	 * @return how many events were published, or -1 when the broker did not acknowledge
	 * one (the rest wait for the next round)
	 */
	private int publish(List<Delivery> pending) {
		Map<String, List<String>> acknowledged = new LinkedHashMap<>();
		List<Sending> sending = new ArrayList<>();
		boolean failed = false;
		try {
			for (Delivery delivery : pending) {
				for (Delivery.PendingEvent event : delivery.outbox()) {
					sending.add(new Sending(delivery.id(), event.eventId(), send(event)));
				}
			}
		}
		catch (RuntimeException ex) {
			failed = true;
			logger.warn("Reminder events could not be handed to the producer; retrying next round: {}", ex.toString());
		}
		long deadline = System.nanoTime() + this.timeout.toNanos() * 2;
		for (Sending event : sending) {
			try {
				event.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				acknowledged.computeIfAbsent(event.deliveryId(), (id) -> new ArrayList<>()).add(event.eventId());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed = true;
				break;
			}
			catch (ExecutionException | TimeoutException ex) {
				failed = true;
				logger.warn("Reminder event {} of delivery {} was not acknowledged; retrying next round: {}",
						event.eventId(), event.deliveryId(), ex.toString());
			}
		}
		this.deliveries.removePendingAll(acknowledged);
		int published = acknowledged.values().stream().mapToInt(List::size).sum();
		this.published.increment(published);
		if (failed) {
			closeProducer();
			return -1;
		}
		return published;
	}

	private Future<RecordMetadata> send(Delivery.PendingEvent event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.NOTIFICATIONS, null, event.key(),
				event.cloudEvent().getBytes(StandardCharsets.UTF_8), List.of(new RecordHeader("content-type",
						CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
		return producer().send(record);
	}

	/** An event handed to the producer. */
	private record Sending(String deliveryId, String eventId, Future<RecordMetadata> acknowledgement) {

	}

	private KafkaProducer<String, byte[]> producer() {
		KafkaProducer<String, byte[]> current = this.producer;
		if (current == null) {
			Properties properties = new Properties();
			properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
			properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, "notification-service-outbox-relay");
			properties.put(ProducerConfig.ACKS_CONFIG, "all");
			properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
			int millis = Math.toIntExact(this.timeout.toMillis());
			properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
			properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
			// The broker's answer may take the whole request time after the linger.
			properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis * 2);
			current = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
			this.producer = current;
		}
		return current;
	}

	private void closeProducer() {
		KafkaProducer<String, byte[]> current = this.producer;
		this.producer = null;
		if (current != null) {
			current.close(Duration.ZERO);
		}
	}

	@Override
	public void destroy() {
		this.soon.shutdownNow();
		synchronized (this) {
			closeProducer();
		}
	}

}
