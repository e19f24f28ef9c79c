package vn.gov.cchc.report.counting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitChanged;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.events.UnitRegistered;
import vn.gov.cchc.report.KafkaTestEvents;
import vn.gov.cchc.report.TestCaller;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service against a real Kafka broker (embedded KRaft, 3 partitions) and the
 * test MongoDB: unit events and progress events go in with a plain Kafka producer, the
 * figures come out of the REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3,
		topics = { Topics.UNITS, Topics.PROGRESS, CountingIntegrationTests.UNITS_DLQ,
				CountingIntegrationTests.PROGRESS_DLQ, CountingTopology.DOCUMENTS },
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
@AutoConfigureMetrics
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountingIntegrationTests {

	static final String UNITS_DLQ = "cchc.units.dlq";

	static final String PROGRESS_DLQ = "cchc.progress.dlq";

	private static final URI PLAN_SERVICE = URI.create("/cchc/plan-service");

	private static final List<String> COMMUNES = List.of("09190", "09193", "09247", "09250");

	private static final List<String> TREE_CODES = List.of("27", "256", "258", "09190", "09193", "09247");

	private static final LocalDate MARCH_14 = LocalDate.of(2025, 3, 14);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** Reads the whole province (the tree here has no Sở Nội vụ, so it acts for 27). */
	private static final TestCaller READER = TestCaller.reviewer("27");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private MeterRegistry meters;

	private KafkaTestEvents producer;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-report-it");
	}

	@BeforeAll
	void registerTheDemoTree() {
		this.producer = new KafkaTestEvents(this.broker.getBrokersAsString());
		for (UnitDetails unit : CountingFixtures.TREE) {
			publishUnit(EventTypes.UNIT_REGISTERED_V1, new UnitRegistered(unit, CountingFixtures.REGISTERED_AT), unit,
					CountingFixtures.REGISTERED_AT);
		}
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(TREE_CODES).allSatisfy((code) -> assertThat(get(code).status()).isEqualTo(200)));
	}

	@AfterAll
	void closeProducer() {
		this.producer.close();
	}

	@Test
	@Order(1)
	void aKnownUnitWithoutFactsHasZeroTotals() {
		Response response = get("09193");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().get("unitCode").asString()).isEqualTo("09193");
		assertThat(response.body().get("name").asString()).isEqualTo("Phường Đáp Cầu");
		assertThat(response.body().get("events").asLong()).isZero();
		assertThat(response.body().get("budgetSpentVnd").asLong()).isZero();
		assertThat(response.body().get("quantities").isObject()).isTrue();
		assertThat(response.body().get("quantities").size()).isZero();
	}

	@Test
	@Order(2)
	void anUnknownUnitIsA404ProblemNamingTheUnitCode() {
		Response response = get("99999");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/unknown-unit");
		assertThat(response.body().get("title").asString()).isEqualTo("Không tìm thấy đơn vị");
		assertThat(response.body().get("detail").asString()).contains("99999");
		assertThat(response.body().get("status").asInt()).isEqualTo(404);
		assertThat(response.body().get("instance").asString()).isEqualTo("/api/v1/totals/99999");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("unitCode");
		assertThat(response.body().toString()).doesNotContain("Exception");
	}

	@Test
	@Order(3)
	void aMalformedUnitCodeIsA400ProblemNamingTheUnitCode() {
		Response response = get("vu-ninh");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/invalid-unit-code");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("unitCode");
	}

	@Test
	@Order(4)
	void anUnmappedPathAndAWrongMethodAreProblemsToo() throws Exception {
		HttpResponse<String> unmapped = actuator("/api/v1/khong-co");
		HttpResponse<String> wrongMethod = this.http.send(HttpRequest.newBuilder(url("/api/v1/totals/27"))
			.header("Authorization", READER.authorization())
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(unmapped.statusCode()).isEqualTo(404);
		assertThat(unmapped.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode notFound = this.json.readTree(unmapped.body());
		assertThat(notFound.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/not-found");
		assertThat(notFound.get("title").asString()).isEqualTo("Không tìm thấy tài nguyên");
		assertThat(notFound.get("instance").asString()).isEqualTo("/api/v1/khong-co");
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		JsonNode notAllowed = this.json.readTree(wrongMethod.body());
		assertThat(notAllowed.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/method-not-allowed");
		assertThat(notAllowed.get("errors").isArray()).isTrue();
		assertThat(wrongMethod.body()).doesNotContain("Exception");
	}

	@Test
	@Order(5)
	void factsRollUpToDistrictAndProvinceAndTheProvinceEqualsTheSumOfItsCommunes() {
		Map<String, UnitFigures> before = totalsOf(TREE_CODES);
		List<ProgressRecorded> facts = List.of(fact("09190", Map.of("broadcasts", 1L, "minutes", 15L), 1_500_000),
				fact("09190", Map.of("broadcasts", 2L, "minutes", 30L), 0),
				fact("09190", Map.of("participants", 120L), 4_000_000),
				fact("09193", Map.of("broadcasts", 1L, "minutes", 20L), 700_000),
				fact("09193", Map.of("copies", 500L), 2_500_000), fact("09247", Map.of("minutes", 45L), 300_000),
				fact("09247", Map.of("broadcasts", 3L, "participants", 60L), 1_000_000));
		facts.forEach(this::publish);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(get("27").body().get("events").asLong())
				.isEqualTo(before.get("27").events() + facts.size()));

		Map<String, UnitFigures> added = new HashMap<>();
		for (ProgressRecorded fact : facts) {
			added.merge(fact.unitCode(), UnitFigures.of(fact), UnitFigures::plus);
		}
		Map<String, UnitFigures> after = totalsOf(TREE_CODES);
		for (String commune : List.of("09190", "09193", "09247")) {
			assertThat(after.get(commune)).as(commune).isEqualTo(before.get(commune).plus(added.get(commune)));
		}
		assertThat(after.get("256")).isEqualTo(before.get("256").plus(added.get("09190")).plus(added.get("09193")));
		assertThat(after.get("258")).isEqualTo(before.get("258").plus(added.get("09247")));
		assertThat(after.get("27")).isEqualTo(sumOfCommunes());
		assertThat(after.get("27").quantities()).containsEntry("participants",
				before.get("27").quantities().getOrDefault("participants", 0L) + 180L);
	}

	@Test
	@Order(6)
	void anEventIdPublishedTwiceIsCountedOnce() throws Exception {
		Map<String, UnitFigures> before = totalsOf(List.of("09193", "256", "27"));
		double duplicates = counter("cchc.counting.duplicates");
		ProgressRecorded twice = fact("09193", Map.of("minutes", 25L), 800_000);
		ProgressRecorded marker = fact("09193", Map.of("broadcasts", 1L), 100_000);

		RecordMetadata first = publish(twice);
		RecordMetadata second = publish(twice);
		publish(marker);
		assertThat(second.partition()).isEqualTo(first.partition());
		assertThat(second.offset()).isGreaterThan(first.offset());

		// The marker follows both copies on the same partition: once it counts, both were
		// read.
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(get("09193").body().get("events").asLong())
				.isEqualTo(before.get("09193").events() + 2));
		UnitFigures once = UnitFigures.of(twice).plus(UnitFigures.of(marker));
		Map<String, UnitFigures> after = totalsOf(List.of("09193", "256", "27"));
		for (String code : List.of("09193", "256", "27")) {
			assertThat(after.get(code)).as(code).isEqualTo(before.get(code).plus(once));
		}
		assertThat(counter("cchc.counting.duplicates")).isEqualTo(duplicates + 1);
	}

	@Test
	@Order(7)
	void aPoisonRecordIsDeadLetteredAtOnceAndTheNextGoodRecordIsCounted() {
		long before = get("09247").body().get("events").asLong();
		double rejected = counter("cchc.counting.refused");
		byte[] poison = "{\"specversion\":\"1.0\",\"type\":".getBytes(StandardCharsets.UTF_8);

		send(Topics.PROGRESS, "09247", poison);
		publish(fact("09247", Map.of("minutes", 10L), 50_000));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(get("09247").body().get("events").asLong()).isEqualTo(before + 1));
		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(PROGRESS_DLQ, "09247", poison);
		assertThat(header(dead, "x-original-topic")).isEqualTo(Topics.PROGRESS);
		assertThat(header(dead, "x-exception-fqcn")).isNotBlank();
		assertThat(header(dead, "x-exception-message")).contains("not JSON");
		// One attempt only: a poison record is not retried.
		assertThat(counter("cchc.counting.refused")).isEqualTo(rejected + 1);
	}

	@Test
	@Order(8)
	void aFactWhoseUnitIsRegisteredSixtySecondsLaterWaitsAndIsThenCounted() throws Exception {
		Map<String, UnitFigures> before = totalsOf(List.of("258", "27"));
		double waiting = counter("cchc.counting.waiting");
		ProgressRecorded early = fact("09250", Map.of("participants", 35L), 600_000);
		UnitDetails dungLiet = CountingFixtures.unit("09250", "Xã Dũng Liệt", UnitKind.COMMUNE, "258",
				LocalDate.of(1999, 8, 9), CountingFixtures.DISTRICTS_ABOLISHED);

		publish(early);
		long published = System.nanoTime();
		await().atMost(PATIENCE).until(() -> counter("cchc.counting.waiting") > waiting);
		// A later fact of a known unit is not held up by the waiting one.
		ProgressRecorded other = fact("09247", Map.of("minutes", 5L), 0);
		publish(other);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(totalsOf(List.of("258")).get("258"))
				.isEqualTo(before.get("258").plus(UnitFigures.of(other))));
		Thread.sleep(Math.max(0, Duration.ofSeconds(60).minusNanos(System.nanoTime() - published).toMillis()));
		assertThat(totalsOf(List.of("27")).get("27")).isEqualTo(before.get("27").plus(UnitFigures.of(other)));
		assertThat(deadLetters(PROGRESS_DLQ, Duration.ofSeconds(1))).noneMatch((dead) -> "09250".equals(dead.key()));

		publishUnit(EventTypes.UNIT_REGISTERED_V1, new UnitRegistered(dungLiet, CountingFixtures.REGISTERED_AT),
				dungLiet, CountingFixtures.REGISTERED_AT);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("09250").body().get("events").asLong()).isOne());
		assertThat(totalsOf(List.of("09250")).get("09250")).isEqualTo(UnitFigures.of(early));
		assertThat(totalsOf(List.of("258")).get("258"))
			.isEqualTo(before.get("258").plus(UnitFigures.of(other)).plus(UnitFigures.of(early)));
		assertThat(totalsOf(List.of("27")).get("27"))
			.isEqualTo(before.get("27").plus(UnitFigures.of(other)).plus(UnitFigures.of(early)));
	}

	@Test
	@Order(9)
	void aStaleUnitEventIsIgnoredAndAnUnknownTypeIsSkipped() {
		double stale = counter("cchc.unit.stale");
		double skipped = counter("cchc.unit.skipped");
		UnitDetails dapCau = CountingFixtures.TREE.get(3);
		UnitDetails renamedLongAgo = new UnitDetails(dapCau.code(), "Xã Đáp Cầu", dapCau.kind(), dapCau.parentCode(),
				dapCau.validFrom(), dapCau.validTo(), dapCau.contacts());
		Instant olderThanRegistration = CountingFixtures.REGISTERED_AT.minusSeconds(86_400 * 365);

		byte[] poison = "not a cloud event".getBytes(StandardCharsets.UTF_8);

		send(Topics.UNITS, dapCau.code(), poison);
		publishUnit(EventTypes.UNIT_CHANGED_V1, new UnitChanged(renamedLongAgo, olderThanRegistration), dapCau,
				olderThanRegistration);
		publishUnit("vn.gov.cchc.unit.merged.v1", Map.of("codes", List.of("09190", "09193")), dapCau, Instant.now());

		await().atMost(PATIENCE).until(() -> counter("cchc.unit.stale") == stale + 1);
		await().atMost(PATIENCE).until(() -> counter("cchc.unit.skipped") == skipped + 1);
		assertThat(get("09193").body().get("name").asString()).isEqualTo("Phường Đáp Cầu");
		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(UNITS_DLQ, dapCau.code(), poison);
		assertThat(header(dead, "x-original-topic")).isEqualTo(Topics.UNITS);
	}

	@Test
	@Order(10)
	void theRebuildEndpointReproducesTheLiveTotalsAndConsumptionGoesOnAfterIt() throws Exception {
		List<String> everyUnit = new ArrayList<>(TREE_CODES);
		everyUnit.add("09250");
		Map<String, UnitFigures> live = totalsOf(everyUnit);

		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(url("/api/v1/admin/totals:rebuild"))
			.header("Authorization", TestCaller.admin("27").authorization())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode result = this.json.readTree(response.body());
		assertThat(result.get("applicationId").asString()).isEqualTo("report-service.counting");
		assertThat(result.get("internalTopicsDeleted").size()).isPositive();
		// Counted again from offset 0 of the log, into an emptied read model.
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(totalsOf(everyUnit)).isEqualTo(live));
		assertThat(live.get("27")).isEqualTo(sumOfCommunes());

		ProgressRecorded afterRebuild = fact("09190", Map.of("minutes", 5L), 10_000);
		publish(afterRebuild);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(totalsOf(List.of("09190")).get("09190"))
				.isEqualTo(live.get("09190").plus(UnitFigures.of(afterRebuild))));
	}

	@Test
	@Order(11)
	void exposesProbesBuildInfoAndTheCountingCountersForPrometheus() {
		assertThat(actuator("/actuator/health/liveness")).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"UP\"");
		});
		assertThat(actuator("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(actuator("/actuator/info").body()).contains("\"artifact\":\"report-service\"");
		assertThat(actuator("/actuator/prometheus").body()).contains("cchc_counting_counted_total",
				"cchc_counting_duplicates_total", "cchc_counting_refused_total", "cchc_counting_documents_total",
				"cchc_readmodel_written_total", "cchc_unit_applied_total");
	}

	private ProgressRecorded fact(String unitCode, Map<String, Long> quantities, long budgetSpentVnd) {
		return CountingFixtures.fact("evt-" + UUID.randomUUID(), unitCode, MARCH_14, quantities, budgetSpentVnd);
	}

	private RecordMetadata publish(ProgressRecorded fact) {
		return send(Topics.PROGRESS, fact.unitCode(), cloudEvent(fact));
	}

	private byte[] cloudEvent(ProgressRecorded fact) {
		return this.json.writeValueAsBytes(CloudEvent.of(fact.eventId(), PLAN_SERVICE, EventTypes.PROGRESS_RECORDED_V1,
				fact.unitCode(), fact.recordedAt(), fact));
	}

	private void publishUnit(String type, Object data, UnitDetails unit, Instant time) {
		send(Topics.UNITS, unit.code(), this.json.writeValueAsBytes(
				CloudEvent.of(UUID.randomUUID().toString(), PLAN_SERVICE, type, unit.code(), time, data)));
	}

	private RecordMetadata send(String topic, String key, byte[] value) {
		return this.producer.send(topic, key, value);
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key, byte[] value) {
		return awaitDeadLetter(topic, key, value, PATIENCE);
	}

	/** Everything on the topic, read for the given time. */
	private List<ConsumerRecord<String, byte[]>> deadLetters(String topic, Duration reading) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long end = System.nanoTime() + reading.toNanos();
			while (System.nanoTime() < end) {
				consumer.poll(Duration.ofMillis(200)).forEach(found::add);
			}
		}
		return found;
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key, byte[] value, Duration patience) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(patience).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key()) && Arrays.equals(value, record.value())) {
						found.add(record);
					}
				}
				return !found.isEmpty();
			});
		}
		return found.get(0);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

	private double counter(String name) {
		return this.meters.counter(name).count();
	}

	private UnitFigures sumOfCommunes() {
		UnitFigures sum = UnitFigures.ZERO;
		for (String commune : COMMUNES) {
			Response response = get(commune);
			if (response.status() == 200) {
				sum = sum.plus(UnitFigures.of(response.body()));
			}
		}
		return sum;
	}

	private Map<String, UnitFigures> totalsOf(List<String> codes) {
		Map<String, UnitFigures> totals = new LinkedHashMap<>();
		for (String code : codes) {
			Response response = get(code);
			assertThat(response.status()).as("GET totals of %s", code).isEqualTo(200);
			totals.put(code, UnitFigures.of(response.body()));
		}
		return totals;
	}

	private Response get(String unitCode) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(url("/api/v1/totals/" + unitCode))
				.header("Authorization", READER.authorization())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					this.json.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> actuator(String path) {
		try {
			return this.http.send(
					HttpRequest.newBuilder(url(path)).header("Authorization", READER.authorization()).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	record Response(int status, String contentType, JsonNode body) {

	}

	/** A unit's figures as the REST API answers them. */
	record UnitFigures(long events, long budgetSpentVnd, Map<String, Long> quantities) {

		static final UnitFigures ZERO = new UnitFigures(0, 0, Map.of());

		UnitFigures {
			quantities = new TreeMap<>(quantities);
		}

		static UnitFigures of(JsonNode body) {
			Map<String, Long> quantities = new TreeMap<>();
			body.get("quantities")
				.properties()
				.forEach((entry) -> quantities.put(entry.getKey(), entry.getValue().asLong()));
			return new UnitFigures(body.get("events").asLong(), body.get("budgetSpentVnd").asLong(), quantities);
		}

		static UnitFigures of(ProgressRecorded fact) {
			return new UnitFigures(1, fact.budgetSpentVnd(), fact.quantities());
		}

		UnitFigures plus(UnitFigures other) {
			Map<String, Long> sum = new TreeMap<>(this.quantities);
			other.quantities.forEach((metric, quantity) -> sum.merge(metric, quantity, Long::sum));
			return new UnitFigures(this.events + other.events, this.budgetSpentVnd + other.budgetSpentVnd, sum);
		}

	}

}
