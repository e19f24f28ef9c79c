package vn.gov.cchc.plan.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thousand mixed valid and invalid reports of five units, once over HTTP (each unit's
 * system sends its own reports as one batch, since a batch with a report of another unit
 * is refused whole) and once put on {@code cchc.progress.inbox} with a plain Kafka
 * producer, the way a commune system would: exactly the valid ones reach
 * {@code cchc.progress} (counted by event id), the invalid ones are answered per report
 * (HTTP) or land on {@code cchc.progress.rejected} with their reasons (inbox), and
 * sending everything again changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressBatchAndInboxIntegrationTests extends PlanServiceIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String INBOX = "cchc.progress.inbox";

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private JsonMapper mapper;

	@BeforeAll
	void unitsAndPlans() {
		IngestFixtures.ensure(this.mvc, this.mongo, this.mapper);
	}

	@Test
	void answersBatchesOfAThousandMixedReportsPerReportAndPublishesExactlyTheValidOnes() {
		List<Report> mix = mix("mix-b", 20251);
		Map<String, List<Integer>> byUnit = indexesByUnit(mix);
		// Over the single-report cap: the batch has its own.
		assertThat(batchBody(mix, byUnit.get("IG.R")).getBytes(StandardCharsets.UTF_8).length)
			.isGreaterThan(1024 * 1024);

		BatchAnswers answer = postBatches(mix, byUnit);

		long valid = mix.stream().filter(Report::valid).count();
		assertThat(answer.accepted()).isEqualTo((int) valid);
		assertThat(answer.rejected()).isEqualTo(mix.size() - (int) valid);
		assertThat(answer.duplicates()).isZero();
		assertThat(answer.failed()).isZero();
		for (int i = 0; i < mix.size(); i++) {
			Report report = mix.get(i);
			JsonNode item = answer.results()[i];
			assertThat(item.get("eventId").asString()).isEqualTo(report.eventId());
			if (report.valid()) {
				assertThat(item.get("status").asString()).as(report.eventId()).isEqualTo("ACCEPTED");
				assertThat(item.get("recordedAt").asString()).isNotBlank();
			}
			else {
				assertThat(item.get("status").asString()).as(report.eventId()).isEqualTo("REJECTED");
				assertThat(item.get("type").asString()).startsWith("https://cchc.gov.vn/problems/");
				assertThat(item.get("errors").valueStream().map((error) -> error.get("field").asString()))
					.as(report.eventId())
					.contains(report.field());
			}
		}
		assertThat(eventCounts("mix-b-")).isEqualTo(onceEach(mix));

		long progressBefore = topic("cchc.progress").size();
		BatchAnswers again = postBatches(mix, byUnit);
		assertThat(again.duplicates()).isEqualTo((int) valid);
		assertThat(again.accepted()).isZero();
		assertThat(topic("cchc.progress").size()).isEqualTo(progressBefore);
	}

	/** The positions in the mix of each unit's reports, in order. */
	private static Map<String, List<Integer>> indexesByUnit(List<Report> mix) {
		Map<String, List<Integer>> byUnit = new LinkedHashMap<>();
		for (int i = 0; i < mix.size(); i++) {
			byUnit.computeIfAbsent(mix.get(i).unitCode(), (unit) -> new ArrayList<>()).add(i);
		}
		return byUnit;
	}

	private static String batchBody(List<Report> mix, List<Integer> indexes) {
		return indexes.stream().map((i) -> mix.get(i).body()).collect(Collectors.joining(",", "[", "]"));
	}

	/**
	 * Sends each unit's reports as one batch with its system's token, and puts the
	 * answers together: the counts summed, each report's result at its place in the mix.
	 */
	private BatchAnswers postBatches(List<Report> mix, Map<String, List<Integer>> byUnit) {
		JsonNode[] results = new JsonNode[mix.size()];
		int accepted = 0;
		int rejected = 0;
		int duplicates = 0;
		int failed = 0;
		for (List<Integer> indexes : byUnit.values()) {
			MvcTestResult result = postBatch(batchBody(mix, indexes));
			assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
			JsonNode answer = json.readTree(result.getResponse().getContentAsByteArray());
			accepted += answer.get("accepted").asInt();
			rejected += answer.get("rejected").asInt();
			duplicates += answer.get("duplicates").asInt();
			failed += answer.get("failed").asInt();
			JsonNode items = answer.get("results");
			assertThat(items).hasSize(indexes.size());
			for (int j = 0; j < indexes.size(); j++) {
				assertThat(items.get(j).get("index").asInt()).isEqualTo(j);
				results[indexes.get(j)] = items.get(j);
			}
		}
		return new BatchAnswers(accepted, rejected, duplicates, failed, results);
	}

	@Test
	void takesTheSameMixFromTheInboxPublishingTheValidOnesAndRejectingTheRestWithReasons() throws Exception {
		List<Report> mix = mix("mix-i", 20252);
		List<InboxRecord> records = new ArrayList<>();
		for (int i = 0; i < mix.size(); i++) {
			Report report = mix.get(i);
			// Every other record comes as a CloudEvent; some of those carry the id only
			// in
			// the envelope.
			records.add((i % 2 == 0) ? InboxRecord.raw(report) : InboxRecord.cloudEvent(report, i % 4 == 1));
		}
		for (int i = 0; i < 5; i++) {
			records
				.add(new InboxRecord("IG.X1", ("không phải JSON " + i).getBytes(StandardCharsets.UTF_8), null, "body"));
		}
		records.add(new InboxRecord("IG.R",
				("{\"specversion\": \"1.0\", \"id\": \"mix-i-type-0001\", "
						+ "\"type\": \"vn.gov.cchc.progress.deleted.v1\", \"source\": \"/xa\", \"data\": {}}")
					.getBytes(StandardCharsets.UTF_8),
				"mix-i-type-0001", "type"));
		long rejectedBefore = topic("cchc.progress.rejected").size();

		List<RecordMetadata> sent = send(records);

		Map<String, Long> expected = onceEach(mix);
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(eventCounts("mix-i-")).isEqualTo(expected));
		List<InboxRecord> refused = records.stream().filter((record) -> record.field() != null).toList();
		await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> topic("cchc.progress.rejected").size() >= rejectedBefore + refused.size());
		awaitInboxConsumed();
		Map<String, JsonNode> rejections = rejectionsByPayload();
		for (int i = 0; i < records.size(); i++) {
			InboxRecord record = records.get(i);
			JsonNode rejection = rejections.get(new String(record.value(), StandardCharsets.UTF_8));
			if (record.field() == null) {
				assertThat(rejection).as("rejection of a valid record %s", i).isNull();
				continue;
			}
			assertThat(rejection).as("rejection of record %s", i).isNotNull();
			assertThat(rejection.get("type").asString()).isEqualTo(EventTypes.PROGRESS_REJECTED_V1);
			JsonNode data = rejection.get("data");
			assertThat(data.get("sourceTopic").asString()).isEqualTo(INBOX);
			assertThat(data.get("sourcePartition").asInt()).isEqualTo(sent.get(i).partition());
			assertThat(data.get("sourceOffset").asLong()).isEqualTo(sent.get(i).offset());
			assertThat(data.get("key").asString()).isEqualTo(record.key());
			assertThat(data.get("payloadTruncated").asBoolean()).isFalse();
			if (record.eventId() != null) {
				assertThat(data.get("eventId").asString()).isEqualTo(record.eventId());
			}
			assertThat(data.get("reasons").valueStream().map((reason) -> reason.get("field").asString()))
				.as("reasons of record %s", i)
				.contains(record.field());
			data.get("reasons").forEach((reason) -> assertThat(reason.get("message").asString()).isNotBlank());
		}
		assertThat(topic("cchc.progress.rejected").size()).isEqualTo(rejectedBefore + refused.size());

		// A commune system that sends everything again, or a redelivery: nothing changes.
		long progressBefore = topic("cchc.progress").size();
		long rejectedAfter = topic("cchc.progress.rejected").size();
		send(records);
		awaitInboxConsumed();

		assertThat(topic("cchc.progress").size()).isEqualTo(progressBefore);
		assertThat(topic("cchc.progress.rejected").size()).isEqualTo(rejectedAfter);
		assertThat(eventCounts("mix-i-")).isEqualTo(expected);
	}

	/**
	 * A thousand reports, four in ten of them invalid in one of the ways commune systems
	 * get it wrong, each with a note long enough that the batch of {@code IG.R}'s reports
	 * (four in ten) outgrows 1 MiB.
	 */
	private static List<Report> mix(String prefix, long seed) {
		Random random = new Random(seed);
		String note = ("Tuyên truyền cải cách hành chính trên sóng phát thanh xã, lồng ghép nội dung thủ tục "
				+ "hành chính mới ban hành; ")
			.repeat(18);
		List<Report> reports = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			String eventId = "%s-%04d".formatted(prefix, i);
			LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(330));
			ObjectNode report = json.createObjectNode();
			report.put("eventId", eventId);
			report.put("planId", IngestFixtures.PLAN);
			report.put("date", day.toString());
			report.put("reporter", "Hệ thống phần mềm một cửa xã");
			report.put("note", note);
			report.putArray("evidence")
				.add("https://thunghiem.gov.vn/tin-tuc/cchc-" + i)
				.add("https://www.youtube.com/watch?v=cchc" + i);
			String field = null;
			switch (i % 10) {
				case 0, 1 -> radio(report, "IG.R", random);
				case 2 -> radio(report, "IG.SNV", random);
				case 3, 4 -> posting(report, (i % 2 == 0) ? "IG.X1" : "IG.X2", random);
				case 5 -> {
					posting(report, "IG.X3", random);
					report.put("date", LocalDate.of(2025, 7, 1).plusDays(random.nextInt(150)).toString());
				}
				case 6 -> {
					radio(report, "IG.X1", random);
					field = "unitCode";
				}
				case 7 -> {
					radio(report, "IG.R", random);
					report.putObject("quantities").put("copies", 100);
					field = "quantities.copies";
				}
				case 8 -> {
					posting(report, "IG.X2", random);
					report.putArray("evidence").add("javascript:alert('cchc')");
					field = "evidence[0]";
				}
				default -> {
					radio(report, "IG.R", random);
					switch ((i / 10) % 4) {
						case 0 -> {
							report.putObject("quantities").put("minutes", "mười lăm");
							field = "quantities.minutes";
						}
						case 1 -> {
							report.put("date", "2024-06-01");
							field = "date";
						}
						case 2 -> {
							report.putObject("reporter").put("$gt", "");
							field = "reporter";
						}
						default -> {
							report.putObject("quantities").put("minutes", -15);
							field = "quantities.minutes";
						}
					}
				}
			}
			reports.add(new Report(eventId, report.get("unitCode").asString(), report.toString(), field));
		}
		return reports;
	}

	private static void radio(ObjectNode report, String unitCode, Random random) {
		report.put("unitCode", unitCode);
		report.put("activityId", "HD01");
		report.putObject("quantities").put("broadcasts", 1).put("minutes", 15 + random.nextInt(30));
		report.put("budgetSpentVnd", 100_000L * random.nextInt(10));
	}

	private static void posting(ObjectNode report, String unitCode, Random random) {
		report.put("unitCode", unitCode);
		report.put("activityId", "HD02");
		report.putObject("quantities").put("postings", 1 + random.nextInt(5));
	}

	private static Map<String, Long> onceEach(List<Report> mix) {
		return mix.stream().filter(Report::valid).collect(Collectors.toMap(Report::eventId, (report) -> 1L));
	}

	/** How often each event id with the prefix is on {@code cchc.progress}. */
	private Map<String, Long> eventCounts(String prefix) {
		return topic("cchc.progress").all()
			.stream()
			.map((record) -> json.readTree(record.value()).get("id").asString())
			.filter((id) -> id.startsWith(prefix))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private Map<String, JsonNode> rejectionsByPayload() {
		Map<String, JsonNode> byPayload = new HashMap<>();
		for (ConsumerRecord<String, String> record : topic("cchc.progress.rejected").all()) {
			JsonNode event = json.readTree(record.value());
			JsonNode previous = byPayload.put(event.get("data").get("payload").asString(), event);
			assertThat(previous).as("a second rejection of the same record").isNull();
		}
		return byPayload;
	}

	private List<RecordMetadata> send(List<InboxRecord> records) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
			List<Future<RecordMetadata>> futures = new ArrayList<>();
			for (InboxRecord record : records) {
				futures.add(producer.send(new ProducerRecord<>(INBOX, record.key(), record.value())));
			}
			List<RecordMetadata> sent = new ArrayList<>();
			for (Future<RecordMetadata> future : futures) {
				sent.add(future.get());
			}
			return sent;
		}
	}

	/** Waits until plan-service has committed every record of the inbox. */
	private void awaitInboxConsumed() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		try (Admin admin = Admin.create(properties)) {
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("plan-service")
					.partitionsToOffsetAndMetadata()
					.get();
				Set<TopicPartition> partitions = admin.describeTopics(List.of(INBOX))
					.allTopicNames()
					.get()
					.get(INBOX)
					.partitions()
					.stream()
					.map((info) -> new TopicPartition(INBOX, info.partition()))
					.collect(Collectors.toSet());
				Map<TopicPartition, OffsetSpec> latest = partitions.stream()
					.collect(Collectors.toMap(Function.identity(), (partition) -> OffsetSpec.latest()));
				admin.listOffsets(latest).all().get().forEach((partition, end) -> {
					OffsetAndMetadata at = committed.get(partition);
					assertThat((at != null) ? at.offset() : 0L).as("committed offset of %s", partition)
						.isEqualTo(end.offset());
				});
			});
		}
	}

	/** A batch of one unit's reports, sent with that unit's system's token. */
	private MvcTestResult postBatch(String body) {
		return IngestFixtures.postJson(this.mvc, body, "/api/v1/progress:batch");
	}

	/** The answers to the batches of a mix, put together in the mix's order. */
	private record BatchAnswers(int accepted, int rejected, int duplicates, int failed, JsonNode[] results) {

	}

	/**
	 * @param field the field its refusal must name, or {@code null} for a valid report
	 */
	private record Report(String eventId, String unitCode, String body, @Nullable String field) {

		boolean valid() {
			return this.field == null;
		}

	}

	/**
	 * @param eventId the event id its rejection must carry, if it has one
	 * @param field the field its rejection must name, or {@code null} for a valid record
	 */
	private record InboxRecord(String key, byte[] value, @Nullable String eventId, @Nullable String field) {

		static InboxRecord raw(Report report) {
			return new InboxRecord(report.unitCode(), report.body().getBytes(StandardCharsets.UTF_8), report.eventId(),
					report.field());
		}

		static InboxRecord cloudEvent(Report report, boolean idOnlyInTheEnvelope) {
			ObjectNode data = (ObjectNode) json.readTree(report.body());
			if (idOnlyInTheEnvelope) {
				data.remove("eventId");
			}
			ObjectNode envelope = json.createObjectNode();
			envelope.put("specversion", "1.0");
			envelope.put("id", report.eventId());
			envelope.put("source", "/xa/" + report.unitCode() + "/mot-cua");
			envelope.put("type", EventTypes.PROGRESS_RECORDED_V1);
			envelope.put("time", "2025-12-01T02:00:00Z");
			envelope.put("datacontenttype", "application/json");
			envelope.set("data", data);
			return new InboxRecord(report.unitCode(), envelope.toString().getBytes(StandardCharsets.UTF_8),
					report.eventId(), (report.field() != null) ? "data." + report.field() : null);
		}

	}

}
