package vn.gov.cchc.report.submission;

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
 * Sends the events waiting in the outboxes of {@code submissions} and
 * {@code submission_rounds} to {@code cchc.submissions}, then removes each from its
 * document ({@code $pull} by event id).
 * <p>
 * <b>At least once, same id.</b> An event is removed only after the broker acknowledged
 * it ({@code acks=all}, idempotent producer). If the process dies between the
 * acknowledgement and the removal, the next round sends the same event again, with the
 * same CloudEvent id (the id was fixed when the event was written): consumers of
 * {@code cchc.submissions} dedupe by that id. Several instances may run this relay at
 * once and may then send an event twice, which the same dedupe absorbs; unlike
 * plan-service's relay there is no lease, because the order that matters here is the
 * order inside one submission, and each document's events are sent oldest first and a
 * failure stops the document's round.
 * <p>
 * The key is the submission id (the plan id for {@code PeriodOpened}), so a submission's
 * events stay on one partition in order.
 */
class SubmissionOutboxRelay implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionOutboxRelay.class);

	/** Documents one round looks at in each collection; the next round takes the rest. */
	static final int DOCUMENTS_PER_ROUND = 200;

	private final Submissions submissions;

	private final String bootstrapServers;

	private final Duration timeout;

	private final Counter published;

	private @Nullable KafkaProducer<String, byte[]> producer;

	SubmissionOutboxRelay(Submissions submissions, String bootstrapServers, Duration timeout, MeterRegistry meters) {
		this.submissions = submissions;
		this.bootstrapServers = bootstrapServers;
		this.timeout = timeout;
		this.published = Counter.builder("cchc.submissions.outbox.published")
			.description("Submission events the outbox relay published to " + Topics.SUBMISSIONS)
			.register(meters);
	}

	/**
	 * One round over every document with pending events.
	 * @return how many events were sent
	 */
	synchronized int relayOnce() {
		int sent = 0;
		for (Submissions.Outbox outbox : this.submissions.withPendingEvents(DOCUMENTS_PER_ROUND)) {
			for (PendingEvent event : outbox.pending()) {
				try {
					send(event);
				}
				catch (RuntimeException ex) {
					closeProducer();
					logger.warn("Submission event {} of {} was not acknowledged; retrying next round: {}",
							event.eventId(), outbox.id(), ex.toString());
					return sent;
				}
				this.submissions.removePending(outbox.collection(), outbox.id(), event.eventId());
				this.published.increment();
				sent++;
			}
		}
		return sent;
	}

	private void send(PendingEvent event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SUBMISSIONS, null, event.key(),
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
			properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, "report-service-submissions-relay");
			properties.put(ProducerConfig.ACKS_CONFIG, "all");
			properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
			int millis = Math.toIntExact(this.timeout.toMillis());
			properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
			properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
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
			try {
				current.close(Duration.ZERO);
			}
			catch (RuntimeException ex) {
				logger.debug("Closing the submissions relay producer failed", ex);
			}
		}
	}

	@Override
	public synchronized void destroy() {
		closeProducer();
	}

}
