package vn.gov.cchc.outbox;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The plain Kafka clients of the relay.
 *
 * <p>
 * Not a Spring Cloud Stream binding: the relay needs the partition and offset of every
 * acknowledged record to move its checkpoint, and a binding's send answers only whether
 * it was sent. Reconciling also reads a topic from given offsets to its end, which a
 * consumer binding (a group with committed offsets) does not do. Every wait is bounded by
 * the send timeout, so that a relay that lost its lease has given up before another
 * instance takes over.
 */
class OutboxKafka {

	private final String bootstrapServers;

	private final Duration timeout;

	OutboxKafka(String bootstrapServers, Duration timeout) {
		this.bootstrapServers = bootstrapServers;
		this.timeout = timeout;
	}

	/**
	 * The longest a send may take: waiting for metadata, then for the acknowledgement.
	 */
	Duration maxSendDuration() {
		return half().plus(this.timeout);
	}

	/**
	 * Acknowledged by every in-sync replica, and idempotent so that the client's own
	 * retries can neither write a record twice nor reorder a partition's records.
	 */
	KafkaProducer<String, byte[]> producer(String clientId) {
		Properties properties = common(clientId);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// A round hands its events over at once and then waits: lingering would only add
		// latency.
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(half()));
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(half()));
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(this.timeout));
		return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	/** A consumer without a group, for reading partitions from given offsets. */
	KafkaConsumer<byte[], byte[]> consumer(String clientId) {
		Properties properties = common(clientId);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// Reading a topic that does not exist yet must not create it with the broker's
		// defaults.
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	Admin admin(String clientId) {
		return Admin.create(common(clientId));
	}

	Duration timeout() {
		return this.timeout;
	}

	private Properties common(String clientId) {
		Properties properties = new Properties();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
		properties.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(this.timeout));
		properties.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(half()));
		return properties;
	}

	/** Kafka reads its millisecond settings as 32-bit integers. */
	private static int millis(Duration duration) {
		return Math.toIntExact(duration.toMillis());
	}

	private Duration half() {
		return this.timeout.dividedBy(2);
	}

}
