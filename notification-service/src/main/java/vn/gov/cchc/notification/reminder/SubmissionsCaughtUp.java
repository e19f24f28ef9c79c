package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the dispatcher after a start until the submission consumer has read what was on
 * {@code cchc.submissions} when the service started: reports that are all due at once
 * then go to each recipient in one digest, not in as many as the consumer's batches. Once
 * caught up, or after the longest wait, it never holds again; a broker that cannot be
 * asked holds it only until then.
 */
class SubmissionsCaughtUp {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionsCaughtUp.class);

	private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

	private final String bootstrapServers;

	private final String topic;

	private final String group;

	private final long longestWaitNanos;

	private long startedAt;

	private boolean started;

	private @Nullable Map<TopicPartition, Long> endAtStart;

	private volatile boolean caughtUp;

	SubmissionsCaughtUp(String bootstrapServers, String topic, String group, Duration longestWait) {
		this.bootstrapServers = bootstrapServers;
		this.topic = topic;
		this.group = group;
		this.longestWaitNanos = longestWait.toNanos();
	}

	/** Whether the dispatcher may send: the consumer has read what was there at start. */
	synchronized boolean caughtUp() {
		if (this.caughtUp) {
			return true;
		}
		if (!this.started) {
			this.started = true;
			this.startedAt = System.nanoTime();
		}
		if (System.nanoTime() - this.startedAt > this.longestWaitNanos) {
			logger.warn("The submission consumer has not read {} up to where it was at start after {}; sending anyway",
					this.topic, Duration.ofNanos(this.longestWaitNanos));
			return done();
		}
		int timeout = (int) ASK_TIMEOUT.toMillis();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				timeout))) {
			if (this.endAtStart == null) {
				this.endAtStart = endOffsets(admin);
			}
			Map<TopicPartition, OffsetAndMetadata> read = admin.listConsumerGroupOffsets(this.group)
				.partitionsToOffsetAndMetadata()
				.get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			boolean all = this.endAtStart.entrySet()
				.stream()
				.allMatch((end) -> end.getValue() == 0
						|| (read.get(end.getKey()) != null && read.get(end.getKey()).offset() >= end.getValue()));
			return all ? done() : false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.debug("Cannot tell yet whether the submission consumer caught up: {}", ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean done() {
		this.caughtUp = true;
		return true;
	}

	private Map<TopicPartition, Long> endOffsets(Admin admin)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<TopicPartition, OffsetSpec> latest;
		try {
			latest = admin.describeTopics(List.of(this.topic))
				.allTopicNames()
				.get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.get(this.topic)
				.partitions()
				.stream()
				.collect(Collectors.toMap((partition) -> new TopicPartition(this.topic, partition.partition()),
						(partition) -> OffsetSpec.latest()));
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				// Nothing was ever published: nothing to read first.
				return Map.of();
			}
			throw ex;
		}
		return admin.listOffsets(latest)
			.all()
			.get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (end) -> end.getValue().offset()));
	}

}
