package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's hold after a start, against a real broker: it lasts until the
 * submission group has read what the topic held when first asked.
 */
class SubmissionsCaughtUpTests {

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 2);
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void holdsUntilTheGroupHasReadWhatWasOnTheTopicAtStartAndNeverAgain() {
		String topic = "cchc.submissions-" + UUID.randomUUID();
		String group = "notification-service.submissions-" + UUID.randomUUID();
		broker.addTopics(topic);
		publish(topic, 0, 3);
		publish(topic, 1, 2);
		SubmissionsCaughtUp caughtUp = new SubmissionsCaughtUp(broker.getBrokersAsString(), topic, group,
				Duration.ofMinutes(2));

		assertThat(caughtUp.caughtUp()).as("nothing read").isFalse();
		publish(topic, 0, 5);
		commit(group, topic, Map.of(0, 3L, 1, 1L));
		assertThat(caughtUp.caughtUp()).as("partition 1 not read to its end at start").isFalse();
		commit(group, topic, Map.of(0, 3L, 1, 2L));
		assertThat(caughtUp.caughtUp()).as("read to where the topic ended at start, not to its end now").isTrue();
		publish(topic, 1, 5);
		assertThat(caughtUp.caughtUp()).as("once caught up, it holds no more").isTrue();
	}

	@Test
	void aTopicNeverPublishedToHoldsNothing() {
		SubmissionsCaughtUp caughtUp = new SubmissionsCaughtUp(broker.getBrokersAsString(),
				"cchc.submissions-never-" + UUID.randomUUID(), "g-" + UUID.randomUUID(), Duration.ofMinutes(2));

		assertThat(caughtUp.caughtUp()).isTrue();
	}

	@Test
	void holdsNoLongerThanTheLongestWait() throws InterruptedException {
		String topic = "cchc.submissions-" + UUID.randomUUID();
		broker.addTopics(topic);
		publish(topic, 0, 1);
		SubmissionsCaughtUp caughtUp = new SubmissionsCaughtUp(broker.getBrokersAsString(), topic,
				"g-" + UUID.randomUUID(), Duration.ofMillis(300));

		assertThat(caughtUp.caughtUp()).isFalse();
		Thread.sleep(400);
		assertThat(caughtUp.caughtUp()).isTrue();
	}

	private static void publish(String topic, int partition, int count) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
				new StringSerializer())) {
			for (int i = 0; i < count; i++) {
				producer.send(new ProducerRecord<>(topic, partition, "k" + i, "{}"));
			}
		}
	}

	private static void commit(String group, String topic, Map<Integer, Long> offsets) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
						ConsumerConfig.GROUP_ID_CONFIG, group),
				new StringDeserializer(), new StringDeserializer())) {
			Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
			offsets.forEach((partition, offset) -> commit.put(new TopicPartition(topic, partition),
					new OffsetAndMetadata(offset)));
			consumer.commitSync(commit);
		}
	}

}
