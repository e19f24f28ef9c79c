package vn.gov.cchc.report.counting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.KafkaTestEvents;
import vn.gov.cchc.report.TestCaller;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The counting as a process, killed with SIGKILL twice while 20,000 events stream in and
 * once more while it rebuilds every figure from the log: each time a new process takes
 * over the same state folder, and in the end every unit's totals equal the
 * straightforward sum of the distinct events (about one in twenty is published twice, as
 * a retrying client would), and the province equals the sum of its districts.
 */
@EmbeddedKafka(partitions = 3,
		topics = { Topics.UNITS, Topics.PLANS, Topics.PROGRESS, "cchc.units.dlq", "cchc.plans.dlq", "cchc.progress.dlq",
				CountingTopology.DOCUMENTS },
		// Not the default spring.embedded.kafka.brokers: that system property outlives
		// the
		// class, and a later test's Spring context would take its dead broker from it.
		bootstrapServersProperty = "cchc.test.kafka.brokers")
class CountingKillIntegrationTests {

	private static final int DISTINCT_EVENTS = 20_000;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void everyTotalIsExactAfterTwoKillsWhileEventsStreamInAndOneDuringARebuild() throws Exception {
		EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
		String brokers = broker.getBrokersAsString();
		String database = "cchc-report-counting-kill-" + UUID.randomUUID();
		String name = "counting-kill-" + UUID.randomUUID().toString().substring(0, 8);
		Path stateDir = Files.createTempDirectory("counting-kill");
		List<CountingFixtures.Delivery> log = CountingFixtures.randomLog(new Random(20261207L),
				DISTINCT_EVENTS * 21 / 20, 3);
		Map<String, CountingFixtures.Sum> expected = CountingFixtures.straightforwardSum(log);
		assertThat(expected.get("27").events()).isBetween((long) DISTINCT_EVENTS - 500, (long) DISTINCT_EVENTS + 500);
		long total = expected.get("27").events();
		try (MongoClient client = MongoClients.create(MongoTestStore.connectionString());
				KafkaTestEvents events = new KafkaTestEvents(brokers)) {
			MongoDatabase store = client.getDatabase(database);
			for (UnitDetails unit : CountingFixtures.TREE) {
				events.unitRegistered(unit, CountingFixtures.REGISTERED_AT);
			}
			ReportServiceInstance service = start(name, name, database, brokers, stateDir);
			try {
				service.awaitReady();
				CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> publish(brokers, log));

				for (long mark : List.of(total / 4, total / 2)) {
					await().atMost(Duration.ofMinutes(5))
						.pollInterval(Duration.ofMillis(100))
						.until(() -> ReportServiceInstance.provinceEvents(store) >= mark);
					service.process().kill();
					assertThat(service.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
					service = start(name + "-after-" + mark, name, database, brokers, stateDir);
					service.awaitReady();
				}
				streaming.get();
				awaitTotals(store, log, expected);

				// Rebuild every figure from the log, and kill the service half-way.
				HttpResponse<String> rebuild = rebuild(service);
				assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
				await().atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> ReportServiceInstance.provinceEvents(store) >= total / 3);
				assertThat(ReportServiceInstance.provinceEvents(store)).as("killed mid-rebuild").isLessThan(total);
				service.process().kill();
				service = start(name + "-after-rebuild", name, database, brokers, stateDir);
				service.awaitReady();
				awaitTotals(store, log, expected);
			}
			finally {
				service.process().stop();
				store.drop();
				FileSystemUtils.deleteRecursively(stateDir);
			}
		}
	}

	/**
	 * Waits until every unit's totals in the read model are the expected ones, and its
	 * figures documents (per plan, month, day and activity) add up to them, then checks
	 * the roll-up on what was read: each parent is its own facts plus its children.
	 */
	private static void awaitTotals(MongoDatabase store, List<CountingFixtures.Delivery> log,
			Map<String, CountingFixtures.Sum> expected) {
		Map<String, CountingFixtures.Sum> counted = new TreeMap<>();
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			counted.clear();
			for (Document totals : store.getCollection("totals").find()) {
				Map<String, Long> quantities = new TreeMap<>();
				totals.get("quantities", Document.class)
					.forEach((metric, quantity) -> quantities.put(metric, ((Number) quantity).longValue()));
				counted.put(totals.getString("_id"),
						new CountingFixtures.Sum(((Number) totals.get("events")).longValue(),
								((Number) totals.get("budgetSpentVnd")).longValue(), quantities));
			}
			assertThat(counted).isEqualTo(expected);
			Map<String, Long> figuresEvents = new TreeMap<>();
			for (Document figures : store.getCollection("figures").find()) {
				String unitCode = figures.getString("_id").substring(0, figures.getString("_id").indexOf('|'));
				figures.get("days", Document.class)
					.values()
					.forEach((activities) -> ((Document) activities).values()
						.forEach((tally) -> figuresEvents.merge(unitCode,
								((Number) ((Document) tally).get("events")).longValue(), Long::sum)));
			}
			expected.forEach((unitCode, sum) -> assertThat(figuresEvents.getOrDefault(unitCode, 0L))
				.as("events in the figures of %s", unitCode)
				.isEqualTo(sum.events()));
		});
		Map<String, CountingFixtures.Sum> own = new TreeMap<>();
		Map<String, ProgressRecorded> distinct = new LinkedHashMap<>();
		log.forEach((delivery) -> distinct.putIfAbsent(delivery.fact().eventId(), delivery.fact()));
		distinct.values()
			.forEach((fact) -> own.merge(fact.unitCode(), CountingFixtures.Sum.of(fact), CountingFixtures.Sum::plus));
		assertThat(counted.get("256")).isEqualTo(own.get("256").plus(counted.get("09190")).plus(counted.get("09193")));
		assertThat(counted.get("258")).isEqualTo(own.get("258").plus(counted.get("09247")));
		assertThat(counted.get("27")).isEqualTo(own.get("27").plus(counted.get("256")).plus(counted.get("258")));
	}

	private void publish(String brokers, List<CountingFixtures.Delivery> log) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			for (CountingFixtures.Delivery delivery : log) {
				ProgressRecorded fact = delivery.fact();
				producer.send(new ProducerRecord<>(Topics.PROGRESS, fact.unitCode(),
						this.json.writeValueAsBytes(CloudEvent.of(fact.eventId(), KafkaTestEvents.PLAN_SERVICE,
								EventTypes.PROGRESS_RECORDED_V1, fact.unitCode(), fact.recordedAt(), fact))));
			}
			producer.flush();
		}
	}

	private HttpResponse<String> rebuild(ReportServiceInstance service) throws IOException, InterruptedException {
		return this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + service.apiPort() + "/api/v1/admin/totals:rebuild"))
			.timeout(Duration.ofMinutes(2))
			.header("Authorization", TestCaller.admin("27").authorization())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ReportServiceInstance start(String name, String application, String database, String brokers,
			Path stateDir) {
		return ReportServiceInstance.start(name, application, database, brokers,
				Map.of("COUNTING_STATE_DIR", stateDir.toString()), List.of());
	}

}
