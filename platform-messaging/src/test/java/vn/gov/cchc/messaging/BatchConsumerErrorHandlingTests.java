package vn.gov.cchc.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The error handler a batch consumer's container gets, driven as the container drives it:
 * a batch of three records on {@code cchc.units} partition 0 (offsets 10 to 12) fails,
 * Kafka's own in-memory consumer and producer stand in for the broker, and what was
 * committed, sought, retried and dead-lettered is read back from them.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchConsumerErrorHandlingTests {

	private static final String TOPIC = "cchc.units";

	private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

	/**
	 * As the binder resolves {@code dlq-name: cchc.units.dlq}: the record's own
	 * partition.
	 */
	private static final BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> DEAD_LETTER_TOPIC = (record,
			ex) -> new TopicPartition(TOPIC + ".dlq", record.partition());

	/** The binding's back-off of {@code max-attempts: 3}, without the waits. */
	private static final BackOff THREE_ATTEMPTS = new FixedBackOff(0, 2);

	/** A producer per dead-letter send: the template closes each after use. */
	private final List<MockProducer<byte[], byte[]>> producers = new ArrayList<>();

	private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

	private final RunningContainer container = new RunningContainer();

	private final List<ConsumerRecord<byte[], byte[]>> batch = List.of(record(10, "A"), record(11, "B"),
			record(12, "C"));

	BatchConsumerErrorHandlingTests() {
		this.consumer.assign(List.of(PARTITION));
		this.consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
		// The recoverer sends only to a dead-letter partition that exists.
		Node broker = new Node(1, "localhost", 9092);
		this.consumer.updatePartitions(TOPIC + ".dlq",
				List.of(new PartitionInfo(TOPIC + ".dlq", 0, broker, new Node[] { broker }, new Node[] { broker })));
	}

	@Test
	void deadLettersARecordThatFailsWithANotRetryableExceptionAtOnceAndDeliversTheRestAgain() {
		CommonErrorHandler handler = configure(handling(UnreadableRecordException.class), DEAD_LETTER_TOPIC,
				THREE_ATTEMPTS, null);

		catchThrowable(() -> handler.handleBatch(failedAt(1, new UnreadableRecordException()), records(this.batch),
				this.consumer, this.container, () -> {
				}));

		assertThat(deadLetters()).singleElement().satisfies((dead) -> {
			assertThat(dead.topic()).isEqualTo("cchc.units.dlq");
			assertThat(dead.partition()).isZero();
			assertThat(value(dead)).isEqualTo("B");
		});
		assertThat(committedOffset()).as("A and B are done with").isEqualTo(12);
		assertThat(this.consumer.position(PARTITION)).as("C comes again").isEqualTo(12);
	}

	@Test
	void honoursTheExceptionsABindingSaysNotToRetry() {
		ExtendedConsumerProperties<KafkaConsumerProperties> binding = new ExtendedConsumerProperties<>(
				new KafkaConsumerProperties());
		binding.setRetryableExceptions(Map.of(UnreadableRecordException.class, false));
		CommonErrorHandler handler = configure(handling(), DEAD_LETTER_TOPIC, THREE_ATTEMPTS, binding);

		catchThrowable(() -> handler.handleBatch(failedAt(0, new UnreadableRecordException()), records(this.batch),
				this.consumer, this.container, () -> {
				}));

		assertThat(deadLetters()).extracting(BatchConsumerErrorHandlingTests::value).containsExactly("A");
	}

	@Test
	void retriesAFailedRecordWithTheBindingsBackOffBeforeDeadLetteringIt() {
		CommonErrorHandler handler = configure(handling(UnreadableRecordException.class), DEAD_LETTER_TOPIC,
				THREE_ATTEMPTS, null);

		int deliveries = deliverUntilDeadLettered(handler, new IllegalStateException("store away"));

		assertThat(deliveries).isEqualTo(3);
		assertThat(deadLetters()).extracting(BatchConsumerErrorHandlingTests::value).containsExactly("B");
		assertThat(committedOffset()).isEqualTo(12);
	}

	@Test
	void retriesWithTheFallbackBackOffWhenTheBindingGivesNone() {
		CommonErrorHandler handler = configure(handling(), DEAD_LETTER_TOPIC, null, null);

		int deliveries = deliverUntilDeadLettered(handler, new IllegalStateException("store away"));

		assertThat(deliveries).as("the fallback's 4 retries").isEqualTo(5);
	}

	@Test
	void retriesAWholeBatchThatFailedWithoutNamingARecordThenDeadLettersAllOfIt() {
		CommonErrorHandler handler = configure(handling(UnreadableRecordException.class), DEAD_LETTER_TOPIC,
				THREE_ATTEMPTS, null);
		AtomicInteger redeliveries = new AtomicInteger();

		handler.handleBatch(new IllegalStateException("store away"), records(this.batch), this.consumer, this.container,
				() -> {
					redeliveries.incrementAndGet();
					throw new IllegalStateException("store still away");
				});

		assertThat(redeliveries).hasValue(2);
		assertThat(deadLetters()).extracting(BatchConsumerErrorHandlingTests::value).containsExactly("A", "B", "C");
	}

	@Test
	void logsWhatItGivesUpOnWhenTheBindingHasNoDeadLetterTopic(CapturedOutput output) {
		CommonErrorHandler handler = configure(handling(UnreadableRecordException.class), null, THREE_ATTEMPTS, null);

		catchThrowable(() -> handler.handleBatch(failedAt(1, new UnreadableRecordException()), records(this.batch),
				this.consumer, this.container, () -> {
				}));

		assertThat(deadLetters()).isEmpty();
		assertThat(output).contains("Gave up on cchc.units-0@11: Record 1 of the batch failed");
		assertThat(committedOffset()).isEqualTo(12);
	}

	@Test
	void leavesRetriesAndDeadLettersToTheContainerRatherThanTheBinder() {
		assertThat(handling().retryAndDlqInBinding(TOPIC, "plan-service")).isFalse();
	}

	@SafeVarargs
	private BatchConsumerErrorHandling handling(Class<? extends Exception>... notRetryable) {
		KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new MockProducerFactory<>(() -> {
			MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
					new ByteArraySerializer());
			this.producers.add(producer);
			return producer;
		}));
		return new BatchConsumerErrorHandling(deadLetters, new FixedBackOff(0, 4), List.of(notRetryable));
	}

	private List<ProducerRecord<byte[], byte[]>> deadLetters() {
		return this.producers.stream().flatMap((producer) -> producer.history().stream()).toList();
	}

	private CommonErrorHandler configure(BatchConsumerErrorHandling handling,
			@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
			@Nullable BackOff backOff, @Nullable ExtendedConsumerProperties<KafkaConsumerProperties> binding) {
		handling.configure(this.container, TOPIC, "plan-service", dlqDestinationResolver, backOff, binding);
		CommonErrorHandler handler = this.container.getCommonErrorHandler();
		assertThat(handler).isNotNull();
		return handler;
	}

	/**
	 * Hands the batch to the handler as a consumer that names B as failed, then what it
	 * seeks back to, again, as the container would poll it, until B is dead-lettered.
	 * @return how many times B was delivered
	 */
	private int deliverUntilDeadLettered(CommonErrorHandler handler, Exception failure) {
		int deliveries = 0;
		long position = this.batch.get(0).offset();
		while (deadLetters().isEmpty() && deliveries < 10) {
			List<ConsumerRecord<byte[], byte[]>> delivered = from(position);
			BatchListenerFailedException failed = failedAt(delivered.indexOf(this.batch.get(1)), failure);
			deliveries++;
			catchThrowable(() -> handler.handleBatch(failed, records(delivered), this.consumer, this.container, () -> {
			}));
			position = this.consumer.position(PARTITION);
		}
		return deliveries;
	}

	private List<ConsumerRecord<byte[], byte[]>> from(long offset) {
		return this.batch.stream().filter((record) -> record.offset() >= offset).toList();
	}

	private BatchListenerFailedException failedAt(int index, Exception cause) {
		return new BatchListenerFailedException("Record " + index + " of the batch failed", cause, index);
	}

	private long committedOffset() {
		OffsetAndMetadata committed = this.consumer.committed(Set.of(PARTITION)).get(PARTITION);
		return (committed != null) ? committed.offset() : -1;
	}

	private static ConsumerRecords<byte[], byte[]> records(List<ConsumerRecord<byte[], byte[]>> records) {
		return new ConsumerRecords<>(Map.of(PARTITION, records), Map.of());
	}

	private static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
		return new ConsumerRecord<>(TOPIC, 0, offset, value.getBytes(StandardCharsets.UTF_8),
				value.getBytes(StandardCharsets.UTF_8));
	}

	private static String value(ProducerRecord<byte[], byte[]> record) {
		return new String(record.value(), StandardCharsets.UTF_8);
	}

	static class UnreadableRecordException extends RuntimeException {

		UnreadableRecordException() {
			super("not a unit event");
		}

	}

	/**
	 * A container that is running without polling anything: the handler retries a batch
	 * only while its container runs.
	 */
	static class RunningContainer extends AbstractMessageListenerContainer<byte[], byte[]> {

		RunningContainer() {
			super(new DefaultKafkaConsumerFactory<>(Map.of()), new ContainerProperties(TOPIC));
			setRunning(true);
		}

		@Override
		protected void doStart() {
		}

		@Override
		protected void doStop(Runnable callback, boolean normal) {
			callback.run();
		}

		@Override
		public Map<String, Map<MetricName, ? extends Metric>> metrics() {
			return Map.of();
		}

	}

}
