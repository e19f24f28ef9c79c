package vn.gov.cchc.notification.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * and then removes each from its document. At least once with the same CloudEvent id: a
 * process that dies between the broker's acknowledgement ({@code acks=all}, idempotent
 * producer) and the removal sends the event again next round, and consumers dedupe by id.
 */
class NotificationOutboxRelay implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(NotificationOutboxRelay.class);

	private static final int DOCUMENTS_PER_ROUND = 500;

	private final Deliveries deliveries;

	private final String bootstrapServers;

	private final Duration timeout;

	private final Counter published;

	private @Nullable KafkaProducer<String, byte[]> producer;

	NotificationOutboxRelay(Deliveries deliveries, String bootstrapServers, Duration timeout, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.bootstrapServers = bootstrapServers;
		this.timeout = timeout;
		this.published = Counter.builder("cchc.reminders.outbox.published")
			.description("Reminder events the outbox relay published to " + Topics.NOTIFICATIONS)
			.register(meters);
	}

	/**
	 * One round over the deliveries with events waiting.
	 * @return how many events were published
	 */
	synchronized int relayOnce() {
		int sent = 0;
		for (Delivery delivery : this.deliveries.withPendingEvents(DOCUMENTS_PER_ROUND)) {
			for (Delivery.PendingEvent event : delivery.outbox()) {
				try {
					send(event);
				}
				catch (RuntimeException ex) {
					closeProducer();
					logger.warn("Reminder event {} of delivery {} was not acknowledged; retrying next round: {}",
							event.eventId(), delivery.id(), ex.toString());
					return sent;
				}
				this.deliveries.removePending(delivery.id(), event.eventId());
				this.published.increment();
				sent++;
			}
		}
		return sent;
	}

	private void send(Delivery.PendingEvent event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.NOTIFICATIONS, null, event.key(),
				event.cloudEvent().getBytes(StandardCharsets.UTF_8), List.of(new RecordHeader("content-type",
						CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))));
		try {
			producer().send(record).get(this.timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending " + event.eventId(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send " + event.eventId(), ex);
		}
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
		closeProducer();
	}

}
