package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who reads what of notification-service, through the real security filters with real
 * tokens, against a real Kafka broker and store: every endpoint against the platform's
 * identities. The units are the demo's Bắc Ninh before 1 July 2025 (Phường Vũ Ninh 09190
 * and Phường Đáp Cầu 09193 under Thành phố Bắc Ninh 256, which all ended on 30 June 2025;
 * Xã Tam Giang 09202 under 256 until then and under the province after), and Ninh Thuận
 * (58) for a token of another province. Each commune owes its report for the first
 * quarter of 2025 and has had its seven-day reminder by email and SMS. The context is
 * closed after the class, so that its dispatcher and broker do not take the CPU from the
 * reminder tests that run after it and time their providers.
 */
@ReminderServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class NotificationAuthorizationMatrixIntegrationTests {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	static final String PLAN = "27-2022-22-KH-UBND";

	static final LocalDate Q1_DUE = LocalDate.of(2025, 3, 20);

	static final LocalDate Q3_DUE = LocalDate.of(2025, 9, 20);

	static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);

	/**
	 * The expected answer of every endpoint to every identity: {@code ok} is 2xx with
	 * Phường Vũ Ninh's (09190) data in it, {@code none} is 2xx with an empty list,
	 * {@code 401} and {@code 403} are those problems. {@code {delivery}} is the email
	 * that reminded 09190, {@code {submission}} its report of the first quarter.
	 */
	static final String MATRIX = """
			endpoint                                      | commune | machine | district | department | reviewer | admin | none | expired | foreign
			GET /api/v1/contacts/09190                    | ok      | 403     | ok       | 403        | ok       | ok    | 401  | 401     | 403
			GET /api/v1/deliveries                        | ok      | 403     | ok       | none       | ok       | ok    | 401  | 401     | none
			GET /api/v1/deliveries?unit=09190             | ok      | 403     | ok       | none       | ok       | ok    | 401  | 401     | none
			GET /api/v1/deliveries/{delivery}             | ok      | 403     | ok       | 403        | ok       | ok    | 401  | 401     | 403
			GET /api/v1/reminders?unit=09190              | ok      | 403     | ok       | none       | ok       | ok    | 401  | 401     | none
			GET /api/v1/reminders?submission={submission} | ok      | 403     | ok       | none       | ok       | ok    | 401  | 401     | none
			""";

	static final Providers providers = new Providers();

	static ReminderFixtures publish;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-notification-authorization");
		providers.register(registry);
	}

	@Autowired
	private MutableClock clock;

	@Autowired
	private RestTestClient http;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private EmbeddedKafkaBroker broker;

	/** The token of each identity of the matrix; none is the empty string. */
	private final Map<String, String> tokens = new LinkedHashMap<>();

	@BeforeAll
	void unitsReportsAndTheirFirstReminders() {
		this.tokens.put("commune", TestTokens.officer("09190"));
		this.tokens.put("machine", TestTokens.machine("09190"));
		this.tokens.put("district", TestTokens.officer("256"));
		this.tokens.put("department", TestTokens.officer("27-STTTT"));
		this.tokens.put("reviewer", TestTokens.reviewer("27-SNV"));
		this.tokens.put("admin", TestTokens.admin("27"));
		this.tokens.put("none", "");
		this.tokens.put("expired",
				TestTokens.builder("vuninh.canbo", "09190", "officer").expiredFor(Duration.ofMinutes(5)).sign());
		this.tokens.put("foreign", TestTokens.reviewer("58-SNV"));

		this.clock.setLocal("2025-03-01T10:00");
		publish = new ReminderFixtures(this.broker.getBrokersAsString());
		unit("27", "Tỉnh Bắc Ninh", UnitKind.PROVINCE, null, null, List.of());
		unit("27-SNV", "Sở Nội vụ tỉnh Bắc Ninh", UnitKind.DEPARTMENT, "27", null, List.of());
		unit("27-STTTT", "Sở Thông tin và Truyền thông tỉnh Bắc Ninh", UnitKind.DEPARTMENT, "27", null, List.of());
		unit("256", "Thành phố Bắc Ninh", UnitKind.DISTRICT, "27", REORGANISED.minusDays(1), List.of());
		unit("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", REORGANISED.minusDays(1), List.of());
		unit("09193", "Phường Đáp Cầu", UnitKind.COMMUNE, "256", REORGANISED.minusDays(1), List.of());
		unit("09202", "Xã Tam Giang", UnitKind.COMMUNE, "27", null,
				List.of(new UnitDetails.ParentPeriod("256", LocalDate.of(1997, 1, 1), REORGANISED.minusDays(1))));
		unit("58", "Tỉnh Ninh Thuận", UnitKind.PROVINCE, null, null, List.of());
		unit("58-SNV", "Sở Nội vụ tỉnh Ninh Thuận", UnitKind.DEPARTMENT, "58", null, List.of());
		for (String commune : List.of("09190", "09193", "09202")) {
			publish.due(PLAN, "2025-Q1", PeriodType.QUARTER, commune, Q1_DUE, "256");
		}
		publish.due(PLAN, "2025-Q3", PeriodType.QUARTER, "09202", Q3_DUE, "27");
		await().atMost(PATIENCE).until(() -> count("units") == 9 && count("reminders") == 4 * 11);

		this.clock.setLocal("2025-03-13T08:00");
		await().atMost(PATIENCE)
			.until(() -> this.mongo.count(Query.query(Criteria.where("state").is(Delivery.State.SENT)),
					Delivery.class) == 6);
		// Every outcome event published, so that the topic holds still from here on.
		await().atMost(PATIENCE)
			.until(() -> this.mongo.count(Query.query(Criteria.where("outbox.eventId").exists(true)),
					Delivery.class) == 0);
	}

	@AfterAll
	void close() {
		publish.close();
		providers.close();
	}

	@Test
	void everyEndpointAnswersEveryIdentityAsTheMatrixSays() {
		List<String> rows = MATRIX.lines().filter((line) -> !line.isBlank()).toList();
		List<String> identities = cells(rows.get(0)).subList(1, cells(rows.get(0)).size());
		assertThat(identities).containsExactlyElementsOf(this.tokens.keySet());
		SoftAssertions softly = new SoftAssertions();
		for (String row : rows.subList(1, rows.size())) {
			List<String> cells = cells(row);
			String endpoint = cells.get(0);
			for (int i = 0; i < identities.size(); i++) {
				String identity = identities.get(i);
				String expected = cells.get(i + 1);
				EntityExchangeResult<String> answer = call(HttpMethod.GET, uri(endpoint), identity);
				String cell = endpoint + " as " + identity + " (expected " + expected + ")";
				switch (expected) {
					case "ok" -> {
						softly.assertThat(answer.getStatus().is2xxSuccessful()).as(cell + ": status").isTrue();
						softly.assertThat(mentionsVuNinh(answer.getResponseBody()))
							.as(cell + ": 09190's data in " + answer.getResponseBody())
							.isTrue();
					}
					case "none" -> {
						softly.assertThat(answer.getStatus().is2xxSuccessful()).as(cell + ": status").isTrue();
						softly.assertThat(answer.getResponseBody()).as(cell + ": body").isEqualTo("[]");
					}
					case "401", "403" -> {
						softly.assertThat(answer.getStatus().value())
							.as(cell + ": status")
							.isEqualTo(Integer.parseInt(expected));
						MediaType type = answer.getResponseHeaders().getContentType();
						softly.assertThat(type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
							.as(cell + ": a problem, not " + type)
							.isTrue();
					}
					default -> throw new IllegalStateException("Unknown cell " + expected + " in " + row);
				}
			}
		}
		softly.assertAll();
	}

	@Test
	void aCommunesTokenReadsNothingOfAnotherCommune() {
		String vuNinh = "commune";
		EntityExchangeResult<String> contacts = call(HttpMethod.GET, "/api/v1/contacts/09193", vuNinh);
		assertThat(contacts.getStatus().value()).isEqualTo(403);
		assertThat(json(contacts).at("/errors/0/field").asString()).isEqualTo("unitCode");
		EntityExchangeResult<String> delivery = call(HttpMethod.GET, "/api/v1/deliveries/" + deliveryTo("09193").id(),
				vuNinh);
		assertThat(delivery.getStatus().value()).isEqualTo(403);
		assertThat(json(delivery).at("/errors/0/field").asString()).isEqualTo("id");
		assertThat(json(delivery).at("/detail").asString()).doesNotContain("09193");
		for (String list : List.of("/api/v1/deliveries?unit=09193", "/api/v1/reminders?unit=09193",
				"/api/v1/reminders?submission=" + ReminderFixtures.submissionId(PLAN, "2025-Q1", "09193"))) {
			EntityExchangeResult<String> answer = call(HttpMethod.GET, list, vuNinh);
			assertThat(answer.getStatus().value()).as(list).isEqualTo(200);
			assertThat(answer.getResponseBody()).as(list).isEqualTo("[]");
		}
		JsonNode all = json(call(HttpMethod.GET, "/api/v1/deliveries?limit=500", vuNinh));
		assertThat(all.valueStream().map((each) -> each.get("recipientUnitCode").asString())).hasSize(2)
			.containsOnly("09190");
		// The limit counts what the caller reads, not what the log holds.
		JsonNode latest = json(call(HttpMethod.GET, "/api/v1/deliveries?limit=1", vuNinh));
		assertThat(latest.valueStream().map((each) -> each.get("recipientUnitCode").asString()))
			.containsExactly("09190");
		// The district reads both of its communes.
		JsonNode district = json(call(HttpMethod.GET, "/api/v1/deliveries?limit=500", "district"));
		assertThat(district.valueStream().map((each) -> each.get("recipientUnitCode").asString()))
			.containsOnly("09190", "09193", "09202")
			.hasSize(6);
	}

	@Test
	void aDistrictReadsWhatAFormerCommuneWasRemindedOfOnlyForReportsDueWhileItWasAbove() {
		JsonNode district = json(call(HttpMethod.GET, "/api/v1/reminders?unit=09202&limit=500", "district"));
		assertThat(district.valueStream().map((each) -> each.get("dueDate").asString())).hasSize(10)
			.containsOnly(Q1_DUE.toString());
		JsonNode reviewer = json(call(HttpMethod.GET, "/api/v1/reminders?unit=09202&limit=500", "reviewer"));
		assertThat(reviewer.valueStream().map((each) -> each.get("dueDate").asString())).hasSize(20)
			.containsOnly(Q1_DUE.toString(), Q3_DUE.toString());
		// Its contacts belong to no day: the district read them, as it did for years.
		assertThat(call(HttpMethod.GET, "/api/v1/contacts/09202", "district").getStatus().value()).isEqualTo(200);
	}

	@Test
	void theServiceTakesNoWritesAndAWriteChangesNothingStoredOrPublished() {
		Map<String, Long> stored = collections();
		long published = endOfNotifications();
		String delivery = deliveryTo("09190").id();
		List<String> refused = new ArrayList<>();
		for (String path : List.of("/api/v1/contacts/09190", "/api/v1/deliveries", "/api/v1/deliveries/" + delivery,
				"/api/v1/reminders", "/api/v1/reminders?unit=09190")) {
			for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
				for (String identity : List.of("commune", "machine", "admin", "none")) {
					int status = call(method, path, identity).getStatus().value();
					refused.add(method + " " + path + " as " + identity + " -> " + status);
					assertThat(status).as(method + " " + path + " as " + identity)
						.isEqualTo(identity.equals("none") ? 401 : 403);
				}
			}
		}
		assertThat(refused).hasSize(80);
		assertThat(collections()).isEqualTo(stored);
		assertThat(endOfNotifications()).isEqualTo(published);
	}

	@Test
	void theApiDocumentAsksForABearerTokenAndNamesTheSecurityAnswers() {
		EntityExchangeResult<String> document = call(HttpMethod.GET, "/v3/api-docs", "none");
		assertThat(document.getStatus().value()).isEqualTo(200);
		JsonNode api = json(document);
		assertThat(api.at("/components/securitySchemes/bearer-jwt/scheme").asString()).isEqualTo("bearer");
		assertThat(api.at("/security/0").has("bearer-jwt")).isTrue();
		for (String path : List.of("/api/v1/contacts/{unitCode}", "/api/v1/deliveries", "/api/v1/deliveries/{id}",
				"/api/v1/reminders")) {
			JsonNode get = api.get("paths").get(path).get("get");
			assertThat(get.get("responses").propertyNames()).as(path).contains("200", "401", "403");
			assertThat(get.path("parameters").valueStream().map((parameter) -> parameter.get("name").asString()))
				.as(path)
				.doesNotContain("caller");
		}
	}

	private EntityExchangeResult<String> call(HttpMethod method, String uri, String identity) {
		RestTestClient.RequestBodySpec request = this.http.method(method).uri(uri);
		String token = this.tokens.get(identity);
		if (!token.isEmpty()) {
			request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
		}
		if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
			request.contentType(MediaType.APPLICATION_JSON).body("{}");
		}
		return request.exchange().returnResult(String.class);
	}

	private String uri(String endpoint) {
		return endpoint.substring("GET ".length())
			.replace("{delivery}", deliveryTo("09190").id())
			.replace("{submission}", ReminderFixtures.submissionId(PLAN, "2025-Q1", "09190"));
	}

	private Delivery deliveryTo(String unitCode) {
		return this.mongo.findOne(
				Query.query(Criteria.where("recipientUnitCode").is(unitCode).and("channel").is(Channel.EMAIL)),
				Delivery.class);
	}

	/** Whether the answer is 09190's: its contacts, or a message or reminder to it. */
	private static boolean mentionsVuNinh(@Nullable String body) {
		if (body == null) {
			return false;
		}
		JsonNode answer = JSON.readTree(body);
		List<JsonNode> items = answer.isArray() ? answer.valueStream().toList() : List.of(answer);
		return items.stream()
			.anyMatch((item) -> "09190".equals(text(item, "recipientUnitCode"))
					|| (item.has("contacts") && "09190".equals(text(item, "unitCode"))));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	private static JsonNode json(EntityExchangeResult<String> answer) {
		return JSON.readTree(answer.getResponseBody());
	}

	private static List<String> cells(String row) {
		return Arrays.stream(row.split("\\|")).map(String::trim).toList();
	}

	private long count(String collection) {
		return this.mongo.getCollection(collection).countDocuments();
	}

	private Map<String, Long> collections() {
		return List.of("contacts", "units", "deadlines", "reminders", "deliveries")
			.stream()
			.collect(Collectors.toMap((name) -> name, this::count));
	}

	/** The records on cchc.notifications, the one topic the service writes to. */
	private long endOfNotifications() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ConsumerConfig.GROUP_ID_CONFIG, "authorization-test-" + UUID.randomUUID()),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.NOTIFICATIONS)
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private static void unit(String code, String name, UnitKind kind, @Nullable String parentCode,
			@Nullable LocalDate validTo, List<UnitDetails.ParentPeriod> earlierParents) {
		String mailbox = code.toLowerCase(Locale.ROOT).replace("-", "");
		publish.unit(new UnitDetails(code, name, kind, parentCode, LocalDate.of(1997, 1, 1), validTo,
				new UnitContacts("Cán bộ văn phòng " + name, "vanphong@" + mailbox + ".test",
						"09123" + "%05d".formatted(Math.abs(code.hashCode()) % 100000)),
				earlierParents, List.of(), List.of(), Map.of()));
	}

}
