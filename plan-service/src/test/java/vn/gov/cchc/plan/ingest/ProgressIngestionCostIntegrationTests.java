package vn.gov.cchc.plan.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;
import vn.gov.cchc.plan.StoreCommands;
import vn.gov.cchc.plan.plan.PlanFixtures;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ingestion costs the store, counted on the MongoDB client's own command events
 * ({@link StoreCommands}), against the real broker: a new report costs one insert (its
 * claim, in the receipt journal), a batch of a hundred costs one insert too, an inbox
 * batch one insert per batch, a retry nothing; validation reads plans and units from
 * memory. And what the journal gives back after a restart, and that the same-eventId
 * contract holds when requests race.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressIngestionCostIntegrationTests extends PlanServiceIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String JOURNAL_WRITER = "receipt-journal";

	private static final String INBOX = "cchc.progress.inbox";

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private JsonMapper mapper;

	@Autowired
	private StoreCommands commands;

	@Autowired
	private BindingsLifecycleController bindings;

	@Autowired
	private MeterRegistry meters;

	@LocalServerPort
	private int port;

	@BeforeAll
	void unitsAndPlans() {
		IngestFixtures.ensure(this.mvc, this.mongo, this.mapper);
		// Plan and units in memory, as after the first report of a running service.
		assertThat(post(IngestFixtures.radioReport("cost-warm-0001", 15))).hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void aNewReportCostsTheStoreOneInsertOfItsClaimAndNoRead() {
		String requestThread = Thread.currentThread().getName();
		int mark = this.commands.mark();

		assertThat(post(IngestFixtures.radioReport("cost-single-0001", 15))).hasStatus(HttpStatus.ACCEPTED);

		assertThat(this.commands.since(mark, (command) -> command.thread().equals(requestThread)))
			.as("commands sent by the request itself: no plan, unit or receipt read")
			.isEmpty();
		assertThat(this.commands.since(mark, (command) -> command.name().equals("insert")))
			.containsExactly(new StoreCommands.Command("insert", StoredReceipts.JOURNAL, JOURNAL_WRITER));
		assertThat(StoredReceipts.claim(this.mongo.getDb(), "cost-single-0001")).isNotNull()
			.satisfies((claim) -> assertThat((String) claim.get("bodyHash")).hasSize(64));
		assertThat(progressRecordsWithId("cost-single-0001")).hasSize(1);
	}

	@Test
	void aBatchOfAHundredReportsCostsTheStoreOneInsertHoldingEveryClaim() {
		String body = java.util.stream.IntStream.range(0, 100)
			.mapToObj((i) -> IngestFixtures.radioReport("cost-batch-%04d".formatted(i), 10 + i % 50))
			.collect(Collectors.joining(",", "[", "]"));
		String requestThread = Thread.currentThread().getName();
		int mark = this.commands.mark();

		MvcTestResult result = post(body, "/api/v1/progress:batch");

		assertThat(result).hasStatusOk();
		assertThat(json.readTree(result.getResponse().getContentAsByteArray()).get("accepted").asInt()).isEqualTo(100);
		assertThat(this.commands.since(mark, (command) -> command.thread().equals(requestThread))).isEmpty();
		assertThat(this.commands.since(mark, (command) -> command.name().equals("insert")))
			.containsExactly(new StoreCommands.Command("insert", StoredReceipts.JOURNAL, JOURNAL_WRITER));
		Document written = StoredReceipts.documentOf(this.mongo.getDb(), "cost-batch-0000");
		assertThat(written).isNotNull();
		assertThat(written.getList("claims", Document.class)).extracting((claim) -> claim.getString("_id"))
			.containsAll(java.util.stream.IntStream.range(0, 100).mapToObj("cost-batch-%04d"::formatted).toList());
		// The acknowledgements follow, added to that document with one update.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(StoredReceipts.claim(this.mongo.getDb(), "cost-batch-0099"))
				.extracting((claim) -> claim.get("status"))
				.isEqualTo("RECORDED"));
		assertThat(eventCounts("cost-batch-")).hasSize(100).allSatisfy((id, count) -> assertThat(count).isOne());
	}

	@Test
	void aRetryOfARecordedReportCostsTheStoreNothingAndPublishesNothing() {
		String report = IngestFixtures.radioReport("cost-retry-0001", 15);
		assertThat(post(report)).hasStatus(HttpStatus.ACCEPTED);
		String requestThread = Thread.currentThread().getName();
		int mark = this.commands.mark();

		assertThat(post(report)).hasStatus(HttpStatus.ACCEPTED);

		assertThat(this.commands.since(mark, (command) -> command.thread().equals(requestThread))).isEmpty();
		assertThat(this.commands.since(mark, (command) -> command.name().equals("insert"))).isEmpty();
		assertThat(progressRecordsWithId("cost-retry-0001")).hasSize(1);
	}

	@Test
	void theInboxTakesItsRecordsInBatchesAndWritesOneJournalDocumentPerBatch() throws Exception {
		int records = 1000;
		// Held while the records are sent, so that they wait on the topic as they do
		// under load.
		this.bindings.pause("progressInbox-in-0");
		try (KafkaProducer<String, String> producer = producer()) {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < records; i++) {
				sent.add(producer.send(new ProducerRecord<>(INBOX, "IG.R",
						IngestFixtures.radioReport("cost-inbox-%04d".formatted(i), 10 + i % 50))));
			}
			for (Future<?> future : sent) {
				future.get();
			}
		}
		finally {
			this.bindings.resume("progressInbox-in-0");
		}

		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(eventCounts("cost-inbox-")).hasSize(records));
		assertThat(eventCounts("cost-inbox-")).allSatisfy((id, count) -> assertThat(count).isOne());
		long documents = StoredReceipts.documentsWithClaimsOf(this.mongo.getDb(), "cost-inbox-");
		assertThat(documents).as("journal documents holding the %s claims", records).isBetween(1L, 10L);

		// Sent again: every one a retry, nothing new published or written.
		long progressBefore = topic("cchc.progress").size();
		long claimsBefore = StoredReceipts.count(this.mongo.getDb());
		try (KafkaProducer<String, String> producer = producer()) {
			for (int i = 0; i < records; i++) {
				producer.send(new ProducerRecord<>(INBOX, "IG.R",
						IngestFixtures.radioReport("cost-inbox-%04d".formatted(i), 10 + i % 50)));
			}
		}
		awaitInboxConsumed();
		assertThat(topic("cchc.progress").size()).isEqualTo(progressBefore);
		assertThat(StoredReceipts.count(this.mongo.getDb())).isEqualTo(claimsBefore);
	}

	@Test
	void ofRacingRequestsWithOneEventIdOnlyOneReportIsAcceptedAndPublished() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String token = TestTokens.machine("IG.R");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<HttpResponse<String>>> racers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				// Eight copies of one report and eight other reports under the same id.
				String report = IngestFixtures.radioReport("cost-race-0001", (i % 2 == 0) ? 15 : 16 + i);
				racers.add(() -> client
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/progress"))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(report, StandardCharsets.UTF_8))
						.build(), HttpResponse.BodyHandlers.ofString()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> response : pool.invokeAll(racers)) {
				statuses.add(response.get().statusCode());
			}
			Map<Integer, Long> byStatus = statuses.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			// Copies of a report whose claim is still pending publish the very same event
			// again (same id, time and data), which report-service counts once; a report
			// with other values under the id is never published.
			List<JsonNode> published = progressRecordsWithId("cost-race-0001");
			assertThat(published).isNotEmpty();
			assertThat(published.stream().map(JsonNode::toString).distinct()).hasSize(1);
			long minutes = published.get(0).get("data").get("quantities").get("minutes").asLong();
			// Every copy of the winning report is answered 202, every other report 409.
			assertThat(byStatus).containsOnlyKeys(202, 409);
			assertThat(byStatus.get(202)).isEqualTo((minutes == 15) ? 8L : 1L);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void batchesThatShareIdsInOppositeOrderAreBothAnsweredAtOnce() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String token = TestTokens.machine("IG.R");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				List<String> reports = new ArrayList<>();
				for (int i = 0; i < 40; i++) {
					reports.add(IngestFixtures.radioReport("cost-cross-%d-%02d".formatted(round, i), 15));
				}
				List<String> reversed = new ArrayList<>(reports);
				java.util.Collections.reverse(reversed);
				List<Callable<HttpResponse<String>>> both = new ArrayList<>();
				for (List<String> order : List.of(reports, reversed)) {
					String body = String.join(",", order);
					both.add(() -> client.send(HttpRequest
						.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/progress:batch"))
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("[" + body + "]", StandardCharsets.UTF_8))
						.timeout(Duration.ofSeconds(10))
						.build(), HttpResponse.BodyHandlers.ofString()));
				}
				long started = System.nanoTime();
				for (Future<HttpResponse<String>> response : pool.invokeAll(both)) {
					assertThat(response.get().statusCode()).isEqualTo(200);
					JsonNode answer = json.readTree(response.get().body());
					assertThat(answer.get("accepted").asInt() + answer.get("duplicates").asInt()).isEqualTo(40);
				}
				// Neither waited for the other's claims while holding its own.
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(eventCounts("cost-cross-")).hasSize(200);
	}

	@Test
	void aReportAnotherInstanceAcceptedIsRecognisedHereOnceItsRecordIsOnTheTopic() throws Exception {
		String report = IngestFixtures.radioReport("cost-other-0001", 15);
		ValidProgress progress = new ProgressRequestValidator(Clock.systemUTC())
			.validate(json.readValue(report, ProgressRequest.class));
		java.time.Instant recordedThere = java.time.Instant.parse("2026-03-01T08:00:00Z");
		ProgressReceipt given = ProgressReceipt.pending(progress, recordedThere, null).recorded();
		double learnedBefore = this.meters.counter("cchc.ingest.receipts.learned").count();
		// The other instance's record: its event (abridged here) with the receipt header.
		try (KafkaProducer<String, String> producer = producer()) {
			ProducerRecord<String, String> record = new ProducerRecord<>("cchc.progress", "IG.R",
					"{\"id\": \"cost-other-0001\", \"type\": \"vn.gov.cchc.progress.recorded.v1\"}");
			ReceiptHeader.of(given).forEach((name, value) -> record.headers().add(name, value));
			producer.send(record).get();
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.meters.counter("cchc.ingest.receipts.learned").count() > learnedBefore);

		MvcTestResult again = post(report);
		MvcTestResult other = post(IngestFixtures.radioReport("cost-other-0001", 16));

		assertThat(again).hasStatus(HttpStatus.ACCEPTED);
		assertThat(json.readTree(again.getResponse().getContentAsByteArray()).get("recordedAt").asString())
			.isEqualTo("2026-03-01T08:00:00Z");
		assertThat(other).hasStatus(HttpStatus.CONFLICT);
		assertThat(progressRecordsWithId("cost-other-0001")).as("records of the id: the other instance's only")
			.hasSize(1);
	}

	@Test
	void aRestartReadsEveryReceiptBackFromTheJournalWithItsStatusAndRetraction() {
		assertThat(post(IngestFixtures.radioReport("cost-restart-0001", 15))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post(IngestFixtures.radioReport("cost-restart-0002", 20))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post("""
				{"unitCode": "IG.R", "reporter": "Nguyễn Thị Hà", "reason": "Báo cáo nhầm"}""",
				"/api/v1/progress/cost-restart-0002:retract"))
			.hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(StoredReceipts.claim(this.mongo.getDb(), "cost-restart-0001"))
				.extracting((claim) -> claim.get("status"))
				.isEqualTo("RECORDED"));

		ProgressReceipts restarted = new ProgressReceipts(this.mongo, Clock.systemUTC());
		try {
			ProgressReceipt first = restarted.find("cost-restart-0001").orElseThrow();
			assertThat(first.isRecorded()).isTrue();
			assertThat(first.recordedAt()).isEqualTo(timeOf(progressRecordsWithId("cost-restart-0001")));
			ProgressReceipt retracted = restarted.find("cost-restart-0002").orElseThrow();
			assertThat(retracted.retractedBy()).isEqualTo(ValidProgress.derivedRetractionId("cost-restart-0002"));
			assertThat(restarted.find("cost-restart-0003")).isEmpty();

			// A claim written but never acknowledged (the process died after writing it)
			// reads back pending, with what a retry needs to publish the same event.
			ProgressReceipt claim = new ProgressReceipt("cost-restart-0004", "0".repeat(64),
					java.time.Instant.parse("2026-01-01T00:00:00Z"), ProgressReceipt.Status.PENDING,
					ValidProgress.Kind.RECORDED, "IG.R", IngestFixtures.PLAN, "HD01",
					java.time.LocalDate.of(2025, 3, 14), null, "Nguyễn Thị Hà", null, null);
			assertThat(restarted.claim(claim)).isTrue();
			restarted.persist(List.of(claim));
		}
		finally {
			restarted.destroy();
		}
		ProgressReceipts again = new ProgressReceipts(this.mongo, Clock.systemUTC());
		try {
			assertThat(again.find("cost-restart-0004")).hasValueSatisfying((pending) -> {
				assertThat(pending.isRecorded()).isFalse();
				assertThat(pending.recordedAt()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
			});
		}
		finally {
			again.destroy();
		}
	}

	@Test
	void aPlanChangedByAnotherInstanceIsValidatedAnewOnceItsEventIsOnThePlansTopic() {
		PlanFixtures.storeIssued(this.mongo, this.mapper, PlanFixtures.oneYearPlan("IG-KH-FEED", "IG", "IG.R", 2025));
		String report = IngestFixtures.radioReport("cost-feed-0001", 15).replace(IngestFixtures.PLAN, "IG-KH-FEED");
		assertThat(post(report)).hasStatus(HttpStatus.ACCEPTED);

		// Another instance moves the plan to 2026 and its relay publishes the change.
		PlanFixtures.storeIssued(this.mongo, this.mapper, PlanFixtures.oneYearPlan("IG-KH-FEED", "IG", "IG.R", 2026));
		topic("cchc.plans").send("IG-KH-FEED", """
				{"specversion": "1.0", "id": "cost-feed-plan-amended", "source": "/test",
				 "type": "vn.gov.cchc.plan.amended.v1", "subject": "IG-KH-FEED", "data": {}}""");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			MvcTestResult refused = post(
					IngestFixtures.radioReport("cost-feed-0002", 15).replace(IngestFixtures.PLAN, "IG-KH-FEED"));
			assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(json.readTree(refused.getResponse().getContentAsByteArray())
				.get("errors")
				.get(0)
				.get("field")
				.asString()).isEqualTo("date");
		});
	}

	private static java.time.Instant timeOf(List<JsonNode> events) {
		return java.time.Instant.parse(events.get(0).get("time").asString());
	}

	private MvcTestResult post(String body) {
		return post(body, "/api/v1/progress");
	}

	private MvcTestResult post(String body, String uri) {
		return IngestFixtures.postJson(this.mvc, body, uri);
	}

	private List<JsonNode> progressRecordsWithId(String eventId) {
		return topic("cchc.progress").all()
			.stream()
			.map((record) -> json.readTree(record.value()))
			.filter((event) -> eventId.equals(event.get("id").asString()))
			.toList();
	}

	private Map<String, Long> eventCounts(String prefix) {
		return topic("cchc.progress").all()
			.stream()
			.map((record) -> json.readTree(record.value()).get("id").asString())
			.filter((id) -> id.startsWith(prefix))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	/** Waits until plan-service has committed every record of the inbox. */
	private void awaitInboxConsumed() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		try (Admin admin = Admin.create(properties)) {
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("plan-service")
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(INBOX))
					.allTopicNames()
					.get()
					.get(INBOX)
					.partitions()
					.stream()
					.collect(Collectors.toMap((info) -> new TopicPartition(INBOX, info.partition()),
							(info) -> OffsetSpec.latest()));
				admin.listOffsets(latest).all().get().forEach((partition, end) -> {
					OffsetAndMetadata at = committed.get(partition);
					assertThat((at != null) ? at.offset() : 0L).as("committed offset of %s", partition)
						.isEqualTo(end.offset());
				});
			});
		}
	}

	private KafkaProducer<String, String> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		return new KafkaProducer<>(properties);
	}

}
