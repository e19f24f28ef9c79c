package vn.gov.cchc.notification.contact;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contact directory against a real Kafka broker (embedded KRaft) and MongoDB
 * (Testcontainers, or the embedded wire-compatible store without Docker), fed the way
 * plan-service feeds it: structured CloudEvents keyed by unit code on cchc.units.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cchc.security.issuer=" + TestTokens.ISSUER,
				"cchc.security.public-key-location=" + TestTokens.PUBLIC_KEY_LOCATION })
@AutoConfigureRestTestClient
@EmbeddedKafka(partitions = 3, topics = { Topics.UNITS, ContactDirectoryIntegrationTests.DEAD_LETTERS },
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
class ContactDirectoryIntegrationTests {

	static final String DEAD_LETTERS = "cchc.units.dlq";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static Producer<String, byte[]> producer;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-notification");
	}

	@Autowired
	private RestTestClient http;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@BeforeAll
	static void connect(@Autowired EmbeddedKafkaBroker broker) {
		Map<String, Object> config = KafkaTestUtils.producerProps(broker);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void disconnect() {
		producer.close();
	}

	@Test
	void showsTheContactsOfTheLatestEventAfterARegistrationAndAChange() {
		String code = "10001";
		send(code, unitEvent(EventTypes.UNIT_REGISTERED_V1, "reg-" + code, code, "Xã Hòa Long", "Nguyễn Văn An",
				"hoalong@bacninh.gov.vn", "0912000001", "2025-01-02T01:00:00Z"));
		send(code, unitEvent(EventTypes.UNIT_CHANGED_V1, "chg-" + code, code, "Phường Hòa Long", "Lê Thị Bình",
				"phuonghoalong@bacninh.gov.vn", "0912000002", "2025-07-01T00:00:00Z"));

		await().atMost(PATIENCE)
			.untilAsserted(() -> this.http.get()
				.uri("/api/v1/contacts/{code}", code)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.officer(code)))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.unitCode")
				.isEqualTo(code)
				.jsonPath("$.name")
				.isEqualTo("Phường Hòa Long")
				.jsonPath("$.kind")
				.isEqualTo("COMMUNE")
				.jsonPath("$.parentCode")
				.isEqualTo("256")
				.jsonPath("$.validFrom")
				.isEqualTo("2008-01-01")
				.jsonPath("$.contacts.person")
				.isEqualTo("Lê Thị Bình")
				.jsonPath("$.contacts.email")
				.isEqualTo("phuonghoalong@bacninh.gov.vn")
				.jsonPath("$.contacts.phone")
				.isEqualTo("0912000002")
				.jsonPath("$.asOf")
				.isEqualTo("2025-07-01T00:00:00Z"));
		Document stored = stored(code);
		assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "name", "kind", "parentCode", "person", "email",
				"phone", "validFrom", "validTo", "occurredAt", "lastEventId");
		assertThat(stored.getString("lastEventId")).isEqualTo("chg-" + code);
	}

	@Test
	void ignoresAnOlderEventArrivingAfterANewerOne() {
		String code = "10002";
		double staleBefore = skipped("stale");
		send(code, unitEvent(EventTypes.UNIT_CHANGED_V1, "chg-" + code, code, "Phường Đông Ngàn", "Lê Thị Bình",
				"dongngan@bacninh.gov.vn", "0912000003", "2025-07-01T00:00:00Z"));
		await().atMost(PATIENCE).until(() -> this.mongo.getCollection("contacts").countDocuments(byId(code)) == 1);
		Document newer = stored(code);

		send(code, unitEvent(EventTypes.UNIT_REGISTERED_V1, "reg-" + code, code, "Xã Đông Ngàn", "Nguyễn Văn An",
				"xadongngan@bacninh.gov.vn", "0912000004", "2025-01-02T01:00:00Z"));

		await().atMost(PATIENCE).until(() -> skipped("stale") == staleBefore + 1);
		assertThat(stored(code)).isEqualTo(newer);
		this.http.get()
			.uri("/api/v1/contacts/{code}", code)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.officer(code)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Phường Đông Ngàn")
			.jsonPath("$.contacts.person")
			.isEqualTo("Lê Thị Bình");
	}

	@Test
	void appliesTheSameEventOnlyOnce() {
		String code = "10003";
		double appliedBefore = applied();
		double duplicateBefore = skipped("duplicate");
		byte[] event = unitEvent(EventTypes.UNIT_REGISTERED_V1, "reg-" + code, code, "Xã Tam Sơn", "Phạm Minh Châu",
				"tamson@bacninh.gov.vn", "0912000005", "2025-01-02T01:00:00.123456Z");
		send(code, event);
		await().atMost(PATIENCE).until(() -> this.mongo.getCollection("contacts").countDocuments(byId(code)) == 1);
		Document first = stored(code);

		send(code, event);

		await().atMost(PATIENCE).until(() -> skipped("duplicate") == duplicateBefore + 1);
		assertThat(applied()).isEqualTo(appliedBefore + 1);
		assertThat(stored(code)).isEqualTo(first);
	}

	@Test
	void sendsPoisonRecordsToTheDeadLetterTopicAndAppliesTheNextGoodRecord() {
		String code = "10004";
		byte[] notJson = "không phải JSON {".getBytes(StandardCharsets.UTF_8);
		byte[] missingName = """
				{"specversion":"1.0","id":"bad-10004","source":"/cchc/plan-service",
				 "type":"vn.gov.cchc.unit.registered.v1","time":"2025-01-02T01:00:00Z",
				 "datacontenttype":"application/json",
				 "data":{"unit":{"code":"10004","kind":"COMMUNE","validFrom":"2008-01-01","contacts":{}},
				  "occurredAt":"2025-01-02T01:00:00Z"}}
				""".getBytes(StandardCharsets.UTF_8);
		try (Consumer<String, byte[]> deadLetters = deadLetterConsumer()) {
			send(code, notJson);
			send(code, missingName);
			send(code, unitEvent(EventTypes.UNIT_REGISTERED_V1, "reg-" + code, code, "Xã Phong Khê", "Đỗ Thu Hà",
					"phongkhe@bacninh.gov.vn", "0912000006", "2025-01-02T01:00:00Z"));

			await().atMost(PATIENCE)
				.untilAsserted(() -> this.http.get()
					.uri("/api/v1/contacts/{code}", code)
					.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.officer(code)))
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.contacts.person")
					.isEqualTo("Đỗ Thu Hà"));

			List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				KafkaTestUtils.getRecords(deadLetters, Duration.ofMillis(500)).forEach(dead::add);
				return dead.size() >= 2;
			});
			assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, missingName);
			assertThat(dead).extracting(ConsumerRecord::key).containsOnly(code);
		}
	}

	@Test
	void skipsAnEventOfAnUnknownTypeWithoutDeadLetteringIt() {
		String code = "10005";
		double unknownBefore = skipped("unknown-type");
		send(code, unitEvent("vn.gov.cchc.unit.merged.v1", "mrg-" + code, code, "Xã Hòa Long", null, null, null,
				"2025-07-01T00:00:00Z"));

		await().atMost(PATIENCE).until(() -> skipped("unknown-type") == unknownBefore + 1);
		assertThat(this.mongo.getCollection("contacts").countDocuments(byId(code))).isZero();
	}

	@Test
	void keepsTheParentsOfAUnitsWholeLifeSoThatItsFormerDistrictReadsItsContactsAndAnotherDoesNot() {
		send("255", unit("reg-255", "255", "Thành phố Thử", "DISTRICT", "\"27\"", "2025-06-30", "[]"));
		send("257", unit("reg-257", "257", "Huyện Thử", "DISTRICT", "\"27\"", "2025-06-30", "[]"));
		String code = "10006";
		send(code, unit("reg-" + code, code, "Xã Tam Giang", "COMMUNE", "\"27\"", null,
				"[{\"parentCode\":\"255\",\"from\":\"2008-01-01\",\"to\":\"2025-06-30\"}]"));

		await().atMost(PATIENCE)
			.untilAsserted(() -> this.http.get()
				.uri("/api/v1/contacts/{code}", code)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.officer("255")))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.parentCode")
				.isEqualTo("27"));
		// Known, so that the refusal is about the tree and not about an unknown caller.
		await().atMost(PATIENCE).until(() -> this.mongo.getCollection("units").countDocuments(byId("257")) == 1);
		this.http.get()
			.uri("/api/v1/contacts/{code}", code)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.officer("257")))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("unitCode");
		Document place = this.mongo.getCollection("units").find(byId(code)).first();
		assertThat(place.getString("parentCode")).isEqualTo("27");
		assertThat(place.getList("parentHistory", Document.class)).singleElement()
			.satisfies((earlier) -> assertThat(earlier.getString("parentCode")).isEqualTo("255"));
		assertThat(place.getString("lastEventId")).isEqualTo("reg-" + code);
	}

	@Test
	void answersAProblemNamingTheUnitCodeForAnUnknownUnit() {
		this.http.get()
			.uri("/api/v1/contacts/{code}", "99999")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.reviewer("27-SNV")))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/unit-not-found")
			.jsonPath("$.title")
			.isEqualTo("Không tìm thấy đơn vị")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.detail")
			.isEqualTo("Chưa có thông tin liên hệ của đơn vị có mã '99999'.")
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/contacts/99999")
			.jsonPath("$.errors[0].field")
			.isEqualTo("unitCode")
			.jsonPath("$.errors.length()")
			.isEqualTo(1);
	}

	@Test
	void answersAVietnameseProblemForAnUnknownPath() {
		this.http.get()
			.uri("/api/v1/nothing-here")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.reviewer("27-SNV")))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/not-found")
			.jsonPath("$.title")
			.isEqualTo("Không tìm thấy tài nguyên")
			.jsonPath("$.errors")
			.isArray();
	}

	@Test
	void exposesHealthProbesAndTheContactCounters() {
		this.http.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("cchc_contacts_applied_total")
				.contains("cchc_contacts_skipped_total{reason=\"stale\"}")
				.contains("cchc_contacts_skipped_total{reason=\"duplicate\"}")
				.contains("cchc_contacts_skipped_total{reason=\"unknown-type\"}"));
	}

	private void send(String key, byte[] value) {
		try {
			producer.send(new ProducerRecord<>(Topics.UNITS, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send to " + Topics.UNITS, ex);
		}
	}

	private Consumer<String, byte[]> deadLetterConsumer() {
		Map<String, Object> config = KafkaTestUtils.consumerProps(this.broker, "dlq-reader-" + UUID.randomUUID(),
				false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of(DEAD_LETTERS));
		return consumer;
	}

	private double applied() {
		return this.meters.counter("cchc.contacts.applied").count();
	}

	private double skipped(String reason) {
		return this.meters.counter("cchc.contacts.skipped", "reason", reason).count();
	}

	private Document stored(String code) {
		return this.mongo.getCollection("contacts").find(byId(code)).first();
	}

	private static Document byId(String code) {
		return new Document("_id", code);
	}

	private static byte[] unitEvent(String type, String id, String code, String name, String person, String email,
			String phone, String occurredAt) {
		String json = """
				{"specversion":"1.0","id":"%s","source":"/cchc/plan-service","type":"%s","time":"%s",
				 "subject":"%s","datacontenttype":"application/json",
				 "data":{"unit":{"code":"%s","name":"%s","kind":"COMMUNE","parentCode":"256",
				   "validFrom":"2008-01-01","validTo":null,
				   "contacts":{"person":%s,"email":%s,"phone":%s}},
				  "occurredAt":"%s"}}
				""".formatted(id, type, occurredAt, code, code, name, quoted(person), quoted(email), quoted(phone),
				occurredAt);
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/** A registration with the parents given as JSON. */
	private static byte[] unit(String id, String code, String name, String kind, String parentCode, String validTo,
			String parentHistory) {
		String json = """
				{"specversion":"1.0","id":"%s","source":"/cchc/plan-service","type":"%s",
				 "time":"2025-01-02T01:00:00Z","subject":"%s","datacontenttype":"application/json",
				 "data":{"unit":{"code":"%s","name":"%s","kind":"%s","parentCode":%s,
				   "validFrom":"2008-01-01","validTo":%s,"contacts":{},"parentHistory":%s},
				  "occurredAt":"2025-01-02T01:00:00Z"}}
				""".formatted(id, EventTypes.UNIT_REGISTERED_V1, code, code, name, kind, parentCode, quoted(validTo),
				parentHistory);
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value + "\"" : "null";
	}

}
