package vn.gov.cchc.report.counting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.report.KafkaTestEvents;
import vn.gov.cchc.report.TestCaller;
import vn.gov.cchc.testing.MongoTestStore;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invariants 1 to 3 with real processes: two report-service instances share one consumer
 * group and one database; one is killed with SIGKILL in the middle of the stream, the
 * other takes its partitions over, and then a third instance in a new consumer group
 * replays the whole topic into the same database. Every distinct event is counted once,
 * nothing twice, and every province and district figure equals the sum of its communes on
 * the tree valid in the period: three levels in 2024, two in 2026.
 */
@EmbeddedKafka(partitions = 3,
		topics = { Topics.UNITS, Topics.PLANS, Topics.PROGRESS, "cchc.units.dlq", "cchc.plans.dlq", "cchc.progress.dlq",
				"cchc.report.documents" },
		// Not the default spring.embedded.kafka.brokers: that system property outlives
		// the
		// class, and a later test's Spring context would take its dead broker from it.
		bootstrapServersProperty = "cchc.test.kafka.brokers")
class TwoInstancesKillIntegrationTests {

	private static final String PLAN = "27-KILL-2024-2026";

	private static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);

	private static final LocalDate FIRST_TWO_LEVEL_DAY = LocalDate.of(2025, 7, 1);

	private static final Instant REGISTERED_AT = Instant.parse("2025-07-01T00:00:00Z");

	/** The communes that report in 2024, under their districts. */
	private static final Map<String, String> DISTRICT_OF_2024 = Map.of("09190", "256", "09193", "256", "09247", "258",
			"09250", "258");

	/** The communes that report in 2026, straight under the province. */
	private static final List<String> COMMUNES_OF_2026 = List.of("33001", "33002", "09247");

	private static final int DISTINCT_EVENTS = 1800;

	/** Reads the whole province (the tree here has no Sở Nội vụ, so it acts for 27). */
	private static final TestCaller READER = TestCaller.reviewer("27");

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void everyAcceptedEventIsCountedOnceAndEveryTotalIsTheSumOfItsCommunesAfterAKillAndAReplay() throws Exception {
		EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
		String brokers = broker.getBrokersAsString();
		String database = "cchc-report-kill-" + UUID.randomUUID();
		String group = "report-kill-" + UUID.randomUUID().toString().substring(0, 8);
		List<ProgressRecorded> facts = facts(new Random(20260701L));
		try (MongoClient client = MongoClients.create(MongoTestStore.connectionString());
				KafkaTestEvents events = new KafkaTestEvents(brokers)) {
			MongoDatabase store = client.getDatabase(database);
			for (UnitDetails unit : tree()) {
				events.unitRegistered(unit, REGISTERED_AT);
			}

			ReportServiceInstance first = start(group + "-a", group, database, brokers);
			ReportServiceInstance second = start(group + "-b", group, database, brokers);
			ReportServiceInstance replay = null;
			try {
				first.awaitReady();
				second.awaitReady();
				// Published while the kill happens: the first half streams in, the kill
				// comes once a third is counted (the rest of the half may still be in
				// flight), and the second half is published only after the kill, so that
				// the kill is always mid-stream however fast the counting is.
				CountDownLatch killed = new CountDownLatch(1);
				Random duplicates = new Random(7L);
				CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
					publish(events, facts.subList(0, facts.size() / 2), duplicates);
					awaitLatch(killed);
					publish(events, facts.subList(facts.size() / 2, facts.size()), duplicates);
				});

				// Kill one instance in the middle of the stream.
				await().atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> ReportServiceInstance.provinceEvents(store) >= DISTINCT_EVENTS / 3);
				first.process().kill();
				assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
				assertThat(ReportServiceInstance.provinceEvents(store)).as("killed mid-stream")
					.isLessThan(DISTINCT_EVENTS);
				killed.countDown();
				publishing.get();

				await().atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(
							() -> assertThat(ReportServiceInstance.provinceEvents(store)).isEqualTo(DISTINCT_EVENTS));
				awaitCaughtUp(brokers, group + ".counting");
				Map<String, JsonNode> afterKill = await().atMost(Duration.ofMinutes(1))
					.ignoreExceptions()
					.until(() -> assertFiguresAddUp(second, facts), (figures) -> true);

				// Replay the whole topic: a new application (its own group and state)
				// into
				// the same read model, which it must leave exactly as it was.
				replay = start(group + "-replay", group + "-replay", database, brokers);
				replay.awaitReady();
				awaitCaughtUp(brokers, group + "-replay.counting");
				ReportServiceInstance replaying = replay;
				assertThat(await().atMost(Duration.ofMinutes(1))
					.ignoreExceptions()
					.until(() -> assertFiguresAddUp(replaying, facts), afterKill::equals)).isEqualTo(afterKill);
				String metrics = replay.process().send("GET", "/actuator/prometheus", null).body();
				assertThat(counter(metrics, "cchc_counting_counted_total")).as("each distinct event counted once")
					.isEqualTo(DISTINCT_EVENTS);
				assertThat(counter(metrics, "cchc_counting_duplicates_total"))
					.as("every republished event id seen and not counted")
					.isPositive();
			}
			finally {
				first.process().kill();
				second.process().stop();
				if (replay != null) {
					replay.process().stop();
				}
				store.drop();
			}
		}
	}

	private static ReportServiceInstance start(String name, String group, String database, String brokers) {
		// A short session lets the survivor take the killed instance's partitions within
		// seconds instead of the default 45 s.
		return ReportServiceInstance.start(name, group, database, brokers, Map.of(),
				List.of("--spring.cloud.stream.kafka.binder.consumer-properties[session.timeout.ms]=6000",
						"--spring.cloud.stream.kafka.binder.consumer-properties[heartbeat.interval.ms]=1000"));
	}

	/**
	 * Checks the figures of 2024 and 2026 against the facts and against the sums of the
	 * communes, and returns what it read.
	 */
	private Map<String, JsonNode> assertFiguresAddUp(ReportServiceInstance service, List<ProgressRecorded> facts)
			throws Exception {
		Map<String, JsonNode> read = new LinkedHashMap<>();
		LocalDate from2024 = LocalDate.of(2024, 1, 1);
		LocalDate to2024 = LocalDate.of(2024, 12, 31);
		Map<String, Expected> expected2024 = expected(facts, from2024, to2024);
		Expected communes2024 = Expected.ZERO;
		for (String commune : DISTRICT_OF_2024.keySet()) {
			communes2024 = communes2024.plus(figures(service, commune, from2024, to2024, read));
		}
		assertThat(figures(service, "27", from2024, to2024, read)).isEqualTo(communes2024)
			.isEqualTo(expected2024.get("all"));
		for (String district : List.of("256", "258")) {
			Expected sum = Expected.ZERO;
			for (Map.Entry<String, String> commune : DISTRICT_OF_2024.entrySet()) {
				if (commune.getValue().equals(district)) {
					sum = sum.plus(figures(service, commune.getKey(), from2024, to2024, read));
				}
			}
			assertThat(figures(service, district, from2024, to2024, read)).as(district).isEqualTo(sum);
		}

		LocalDate from2026 = LocalDate.of(2026, 1, 1);
		LocalDate to2026 = LocalDate.of(2026, 12, 31);
		Expected communes2026 = Expected.ZERO;
		for (String commune : COMMUNES_OF_2026) {
			communes2026 = communes2026.plus(figures(service, commune, from2026, to2026, read));
		}
		assertThat(figures(service, "27", from2026, to2026, read)).isEqualTo(communes2026)
			.isEqualTo(expected(facts, from2026, to2026).get("all"));
		assertThat(figures(service, "258", from2026, to2026, read)).as("no district in 2026").isEqualTo(Expected.ZERO);
		return read;
	}

	private Expected figures(ReportServiceInstance service, String unitCode, LocalDate from, LocalDate to,
			Map<String, JsonNode> read) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + service.apiPort() + "/api/v1/figures/" + unitCode + "?plan="
					+ PLAN + "&from=" + from + "&to=" + to))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", READER.authorization())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode total = this.json.readTree(response.body()).get("total");
		read.put(unitCode + "@" + from, total);
		Map<String, Long> quantities = new TreeMap<>();
		total.get("quantities").properties().forEach((entry) -> {
			if (entry.getValue().asLong() != 0) {
				quantities.put(entry.getKey(), entry.getValue().asLong());
			}
		});
		return new Expected(total.get("events").asLong(), total.get("budgetSpentVnd").asLong(), quantities);
	}

	private static Map<String, Expected> expected(List<ProgressRecorded> facts, LocalDate from, LocalDate to) {
		Map<String, Expected> expected = new TreeMap<>();
		expected.put("all", Expected.ZERO);
		for (ProgressRecorded fact : facts) {
			if (!fact.date().isBefore(from) && !fact.date().isAfter(to)) {
				Expected one = new Expected(1, fact.budgetSpentVnd(), fact.quantities());
				expected.merge("all", one, Expected::plus);
				expected.merge(fact.unitCode(), one, Expected::plus);
			}
		}
		return expected;
	}

	/** Waits until the group has committed the end offset of every partition. */
	private static void awaitCaughtUp(String brokers, String group) {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		try (Admin admin = Admin.create(properties)) {
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
				for (int partition = 0; partition < 3; partition++) {
					latest.put(new TopicPartition(Topics.PROGRESS, partition), OffsetSpec.latest());
				}
				admin.listOffsets(latest).all().get().forEach((partition, end) -> {
					OffsetAndMetadata position = committed.get(partition);
					assertThat((position != null) ? position.offset() : 0L).as("%s of %s", partition, group)
						.isEqualTo(end.offset());
				});
			});
		}
	}

	/**
	 * The facts, half dated in 2024 (three levels) and half in 2026 (two levels), with a
	 * few republished under the same event id as a retrying producer would.
	 */
	private static List<ProgressRecorded> facts(Random random) {
		List<String> communes2024 = List.copyOf(new TreeMap<>(DISTRICT_OF_2024).keySet());
		List<ProgressRecorded> facts = new ArrayList<>();
		for (int i = 0; i < DISTINCT_EVENTS; i++) {
			boolean early = i % 2 == 0;
			String unitCode = early ? communes2024.get(random.nextInt(communes2024.size()))
					: COMMUNES_OF_2026.get(random.nextInt(COMMUNES_OF_2026.size()));
			LocalDate date = (early ? LocalDate.of(2024, 1, 1) : LocalDate.of(2026, 1, 1))
				.plusDays(random.nextInt(365));
			facts.add(new ProgressRecorded("kill-" + i + "-" + Long.toHexString(random.nextLong()), unitCode, PLAN,
					(random.nextBoolean()) ? "HD07" : "HD1.2", date,
					Map.of("broadcasts", 1L + random.nextInt(3), "minutes", 15L + random.nextInt(30)), List.of(),
					1000L * random.nextInt(500), "Nguyễn Thị Hà", Instant.parse("2026-11-23T01:00:00Z")));
		}
		return facts;
	}

	/** Publishes the facts, about one in ten twice under the same event id. */
	private static void publish(KafkaTestEvents events, List<ProgressRecorded> facts, Random random) {
		for (ProgressRecorded fact : facts) {
			events.progress(fact);
			if (random.nextInt(10) == 0) {
				events.progress(fact);
			}
		}
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(3, TimeUnit.MINUTES)) {
				throw new IllegalStateException("The instance was not killed within 3 minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double counter(String metrics, String name) {
		return metrics.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/**
	 * The demo tree around Bắc Ninh city and Yên Phong: districts until 30/6/2025, two
	 * merged communes and one kept commune from 1/7/2025.
	 */
	private static List<UnitDetails> tree() {
		LocalDate since = LocalDate.of(2008, 1, 1);
		UnitContacts none = new UnitContacts(null, null, null);
		List<UnitDetails> units = new ArrayList<>();
		units.add(new UnitDetails("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, since, null, none));
		units
			.add(new UnitDetails("256", "Thành phố Bắc Ninh", UnitKind.DISTRICT, "27", since, LAST_DISTRICT_DAY, none));
		units.add(new UnitDetails("258", "Huyện Yên Phong", UnitKind.DISTRICT, "27", since, LAST_DISTRICT_DAY, none));
		DISTRICT_OF_2024.forEach((commune, district) -> {
			if (!commune.equals("09247")) {
				units.add(new UnitDetails(commune, "Xã " + commune, UnitKind.COMMUNE, district, since,
						LAST_DISTRICT_DAY, none));
			}
		});
		units.add(new UnitDetails("09247", "Thị trấn Chờ", UnitKind.COMMUNE, "27", since, null, none,
				List.of(new UnitDetails.ParentPeriod("258", since, LAST_DISTRICT_DAY)), List.of(), List.of(),
				Map.of()));
		units.add(new UnitDetails("33001", "Phường Kinh Bắc", UnitKind.COMMUNE, "27", FIRST_TWO_LEVEL_DAY, null, none,
				List.of(), List.of("09190", "09193"), List.of(), Map.of()));
		units.add(new UnitDetails("33002", "Xã Yên Trung", UnitKind.COMMUNE, "27", FIRST_TWO_LEVEL_DAY, null, none,
				List.of(), List.of("09250"), List.of(), Map.of()));
		return units;
	}

	/** Figures without bookkeeping, metrics that sum to 0 left out. */
	private record Expected(long events, long budgetSpentVnd, Map<String, Long> quantities) {

		static final Expected ZERO = new Expected(0, 0, Map.of());

		Expected {
			quantities = new TreeMap<>(quantities);
		}

		Expected plus(Expected other) {
			Map<String, Long> sum = new TreeMap<>(this.quantities);
			other.quantities.forEach((metric, quantity) -> sum.merge(metric, quantity, Long::sum));
			return new Expected(this.events + other.events, this.budgetSpentVnd + other.budgetSpentVnd, sum);
		}

	}

}
