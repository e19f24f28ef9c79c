package vn.gov.cchc.outbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the relay asks the broker besides sending: that a topic exists (created with the
 * service's partitions rather than the broker's defaults), and which CloudEvent ids a
 * topic holds from a checkpoint to its end.
 */
class OutboxTopics {

	private static final Logger logger = LoggerFactory.getLogger(OutboxTopics.class);

	private static final int METADATA_ATTEMPTS = 20;

	private static final Duration METADATA_PAUSE = Duration.ofMillis(100);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OutboxKafka kafka;

	private final int partitions;

	private final String clientId;

	private final Set<String> ready = new HashSet<>();

	OutboxTopics(OutboxKafka kafka, int partitions, String clientId) {
		this.kafka = kafka;
		this.partitions = partitions;
		this.clientId = clientId;
	}

	/**
	 * What a topic held from the checkpoint on.
	 *
	 * @param ends the end of each partition when read
	 * @param found the ids asked for that are on the topic below those ends
	 */
	record Scan(Map<Integer, Long> ends, Set<String> found) {

	}

	/** A consumer without a group, for {@link #scan}. */
	KafkaConsumer<byte[], byte[]> consumer() {
		return this.kafka.consumer(this.clientId + "-reconcile");
	}

	/**
	 * Reads the topic from the checkpoint (or its beginning) to its current end, for the
	 * ids asked for; reads nothing when none is.
	 * @param keepLease called between polls, so that a long read keeps the lease
	 */
	Scan scan(KafkaConsumer<byte[], byte[]> consumer, String topic, Map<Integer, Long> checkpoint, Set<String> wanted,
			Runnable keepLease) {
		List<TopicPartition> topicPartitions = partitionsOf(consumer, topic);
		Map<TopicPartition, Long> ends = consumer.endOffsets(topicPartitions);
		Map<Integer, Long> endOffsets = new LinkedHashMap<>();
		ends.forEach((partition, end) -> endOffsets.put(partition.partition(), end));
		Set<String> found = new HashSet<>();
		if (wanted.isEmpty()) {
			return new Scan(endOffsets, found);
		}
		Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(topicPartitions);
		consumer.assign(topicPartitions);
		for (TopicPartition partition : topicPartitions) {
			consumer.seek(partition,
					Math.max(checkpoint.getOrDefault(partition.partition(), 0L), beginnings.get(partition)));
		}
		long lastProgress = System.nanoTime();
		while (!reachedEnds(consumer, ends)) {
			int read = 0;
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				read++;
				String eventId = eventId(record.value());
				if (eventId != null && wanted.contains(eventId)) {
					found.add(eventId);
				}
			}
			if (read > 0) {
				lastProgress = System.nanoTime();
			}
			else if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(this.kafka.timeout()) > 0) {
				throw new IllegalStateException(
						"Reading " + topic + " for reconciliation made no progress for " + this.kafka.timeout());
			}
			keepLease.run();
		}
		return new Scan(endOffsets, found);
	}

	private static boolean reachedEnds(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	/** The CloudEvent id of a structured record; none for a record that is not one. */
	private static @Nullable String eventId(byte @Nullable [] value) {
		if (value == null) {
			return null;
		}
		try {
			JsonNode id = JSON.readTree(value).path("id");
			return id.isString() ? id.asString() : null;
		}
		catch (JacksonException ex) {
			// Not ours to judge here: it cannot be the record of a waiting event.
			return null;
		}
	}

	private List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
		List<PartitionInfo> infos = consumer.partitionsFor(topic, this.kafka.timeout());
		// A topic just created may take a moment to show in the metadata.
		for (int attempt = 1; (infos == null || infos.isEmpty()) && attempt <= METADATA_ATTEMPTS; attempt++) {
			try {
				Thread.sleep(METADATA_PAUSE.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			infos = consumer.partitionsFor(topic, this.kafka.timeout());
		}
		if (infos == null || infos.isEmpty()) {
			throw new IllegalStateException("Topic " + topic + " has no partitions (yet)");
		}
		return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
	}

	/**
	 * Creates the topic if it does not exist, rather than letting the first send create
	 * it with the broker's defaults. Describing first means a broker that forbids
	 * creating topics is fine as long as the topic is there.
	 */
	void ensure(String topic) {
		if (this.ready.contains(topic)) {
			return;
		}
		long timeout = this.kafka.timeout().toMillis();
		try (Admin admin = this.kafka.admin(this.clientId + "-admin")) {
			try {
				admin.describeTopics(List.of(topic)).allTopicNames().get(timeout, TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
					throw ex;
				}
				try {
					admin.createTopics(List.of(new NewTopic(topic, Optional.of(this.partitions), Optional.empty())))
						.all()
						.get(timeout, TimeUnit.MILLISECONDS);
					logger.info("Created topic {} with {} partitions", topic, this.partitions);
				}
				catch (ExecutionException created) {
					if (!(created.getCause() instanceof TopicExistsException)) {
						throw created;
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checking topic " + topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not check or create topic " + topic, ex);
		}
		this.ready.add(topic);
	}

}
