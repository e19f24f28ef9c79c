package vn.gov.cchc.plan.plan;

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
 * The plain Kafka clients of the outbox relay.
 *
 * <p>
 * Not a Spring Cloud Stream binding: the relay needs the partition and offset of every
 * acknowledged record to move its checkpoint, and a binding's synchronous send answers
 * only whether it was sent. Reconciling also reads the topic from given offsets to its
 * end, which a consumer binding (a group with committed offsets) does not do. Every wait
 * is bounded by the relay's send timeout, so that a relay that lost its lease has given
 * up before another instance takes over.
 */
class PlanEventsKafka {

	private final String bootstrapServers;

	private final Duration timeout;

	PlanEventsKafka(String bootstrapServers, Duration timeout) {
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
	 * retries cannot write a record twice.
	 */
	KafkaProducer<String, byte[]> producer(String clientId) {
		Properties properties = common(clientId);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// One event at a time, each awaited: lingering would only add latency.
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(half()));
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(half()));
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(this.timeout));
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		return new KafkaProducer<>(properties);
	}

	/** A consumer without a group, for reading partitions from given offsets. */
	KafkaConsumer<byte[], byte[]> consumer(String clientId) {
		Properties properties = common(clientId);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// Reading a topic that does not exist yet must not create it with the broker's
		// defaults.
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		return new KafkaConsumer<>(properties);
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
