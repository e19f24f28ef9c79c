package vn.gov.cchc.report.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanStatus;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.KafkaTestEvents;
import vn.gov.cchc.report.TestCaller;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may call what, over real HTTP through the service's security filters, with the demo
 * units of every province and the Bắc Ninh plan arriving over a real Kafka broker, the
 * test MongoDB behind, and the 2022 first half opened: every endpoint of the service
 * against every kind of caller, as one table ({@link #MATRIX}). A write refused with 401
 * or 403 leaves every collection as it was and puts nothing on {@code cchc.submissions}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cchc.report.submissions.scan-initial-delay=1h", "cchc.report.submissions.scan-interval=1h",
				"cchc.report.submissions.relay-interval=200ms" })
@EmbeddedKafka(partitions = 3, topics = { Topics.UNITS, Topics.PLANS, Topics.PROGRESS, Topics.SUBMISSIONS },
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportAuthorizationMatrixIntegrationTests {

	private static final String PLAN = "27-2022-22-KH-UBND";

	private static final Path DEMO = Path.of("../deploy/local/demo");

	private static final String VU_NINH = PLAN + ":2022-H1:09190";

	private static final String DAP_CAU = PLAN + ":2022-H1:09193";

	private static final String THANH_PHO = PLAN + ":2022-H1:256";

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/**
	 * What each caller gets from each endpoint: {@code ok} is a 2xx, or a 404, 409 or 422
	 * that is about the request and not about the caller; {@code 401} and {@code 403} are
	 * the refusals. Units asked about are Phường Vũ Ninh (09190) and, for approval and
	 * return, Thành phố Bắc Ninh (256), whose reports Sở Nội vụ receives. The columns are
	 * the callers of {@link Identity}, in order.
	 */
	private static final String MATRIX = """
			endpoint                                                                       commune  machine  district  department  reviewer  admin  none  expired  foreign
			GET  /api/v1/totals/09190                                                      ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/figures/09190?plan={plan}&period=2022-H1                          ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/figures/09190?plan={plan}&from=2022-01-01&to=2022-12-31           ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/dashboard/09190/overview?plan={plan}&period=2022-H1               ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/dashboard/09190/children?plan={plan}&period=2022-H1               ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/dashboard/09190/activities/HD07?plan={plan}&period=2022-H1        ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/dashboard/09190/series?plan={plan}&from=2022-01-01&to=2022-06-30  ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/dashboard/stream?unit=09190&plan={plan}                           ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/periods?plan={plan}&year=2022                                     ok       403      ok        ok          ok        ok     401   401      ok
			GET  /api/v1/targets?plan={plan}&period=2022-H1&unit=09190                     ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/indexes/09190?year=2022                                           ok       403      ok        403         ok        ok     401   401      403
			PUT  /api/v1/indexes/27/SIPAS/2022                                             403      403      403       403         ok        403    401   401      403
			GET  /api/v1/reporting-rates?plan={plan}&period=2022-H1&unit=09190             ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/reporting-rates?plan={plan}&period=2022-H1                        403      403      403       403         ok        ok     401   401      403
			GET  /api/v1/submissions?plan={plan}&period=2022-H1                            ok       403      ok        ok          ok        ok     401   401      ok
			GET  /api/v1/submissions/{vuNinh}                                              ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/submissions/{vuNinh}/audit                                        ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/submissions/{vuNinh}.docx                                         ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/submissions/{vuNinh}.xlsx                                         ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/reports/consolidated.docx?plan={plan}&period=2022-H1&unit=09190   ok       403      ok        403         ok        ok     401   401      403
			GET  /api/v1/reports/consolidated.xlsx?plan={plan}&period=2022-H1&unit=09190   ok       403      ok        403         ok        ok     401   401      403
			PUT  /api/v1/submissions/{vuNinh}/narrative                                    ok       403      403       403         403       403    401   401      403
			POST /api/v1/submissions/{vuNinh}:submit                                       ok       403      403       403         403       403    401   401      403
			POST /api/v1/submissions/{thanhPho}:approve                                    403      403      403       403         ok        403    401   401      403
			POST /api/v1/submissions/{thanhPho}:return                                     403      403      403       403         ok        403    401   401      403
			POST /api/v1/admin/periods:open?plan={plan}&period=2022-H1                     403      403      403       403         403       ok     401   401      403
			POST /api/v1/admin/totals:rebuild                                              403      403      403       403         403       ok     401   401      403
			""";

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private MongoDatabase store;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private KafkaConsumer<String, String> published;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-report-authz-it");
	}

	@BeforeAll
	void publishTheDemoUnitsAndThePlanAndOpenTheFirstHalfOf2022() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "authz-reader-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.published = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
		this.published.subscribe(List.of(Topics.SUBMISSIONS));

		Instant at = Instant.parse("2022-01-18T02:00:00Z");
		UnitDetails[] units = this.json.readValue(DEMO.resolve("units.json").toFile(), UnitDetails[].class);
		try (KafkaTestEvents events = new KafkaTestEvents(this.broker.getBrokersAsString())) {
			for (UnitDetails unit : units) {
				events.unitRegistered(unit, at);
			}
			ObjectNode body = (ObjectNode) this.json.readTree(DEMO.resolve("plans/" + PLAN + ".json").toFile());
			body.put("version", 1);
			body.put("status", PlanStatus.ISSUED.name());
			events.planIssued(this.json.treeToValue(body, PlanDetails.class), at);
		}
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(this.store.getCollection("units").countDocuments()).isEqualTo(units.length);
			assertThat(this.store.getCollection("plans").countDocuments()).isOne();
		});
		Answer opened = call(HttpMethodAndPath.of("POST /api/v1/admin/periods:open?plan=" + PLAN + "&period=2022-H1"),
				Identity.ADMIN);
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		settle();
	}

	@AfterAll
	void closeConsumer() {
		this.published.close();
	}

	@Test
	@Order(1)
	void aCommunesTokenReadsNeitherAnotherCommuneNorWritesForIt() {
		TestCaller vuNinh = TestCaller.officer("09190");
		Map<String, String> reads = new LinkedHashMap<>();
		reads.put("GET /api/v1/totals/09193", "unitCode");
		reads.put("GET /api/v1/figures/09193?plan=" + PLAN + "&period=2022-H1", "unitCode");
		reads.put("GET /api/v1/figures/09193?plan=" + PLAN + "&from=2022-01-01&to=2022-12-31", "unitCode");
		reads.put("GET /api/v1/dashboard/09193/overview?plan=" + PLAN + "&period=2022-H1", "unitCode");
		reads.put("GET /api/v1/dashboard/09193/series?plan=" + PLAN + "&from=2022-01-01&to=2022-06-30", "unitCode");
		reads.put("GET /api/v1/dashboard/stream?unit=09193&plan=" + PLAN, "unit");
		reads.put("GET /api/v1/targets?plan=" + PLAN + "&period=2022-H1&unit=09193", "unit");
		reads.put("GET /api/v1/indexes/09193", "unitCode");
		reads.put("GET /api/v1/reporting-rates?plan=" + PLAN + "&period=2022-H1&unit=09193", "unit");
		reads.put("GET /api/v1/reports/consolidated.docx?plan=" + PLAN + "&period=2022-H1&unit=09193", "unit");
		reads.put("GET /api/v1/submissions/" + DAP_CAU, "id");
		reads.put("GET /api/v1/submissions/" + DAP_CAU + "/audit", "id");
		reads.put("GET /api/v1/submissions/" + DAP_CAU + ".xlsx", "id");
		SoftAssertions softly = new SoftAssertions();
		reads.forEach((request, field) -> {
			Answer answer = call(HttpMethodAndPath.of(request), vuNinh::authorization, null);
			softly.assertThat(answer.status())
				.as("%s by the officer of 09190: %s", request, answer.body())
				.isEqualTo(403);
			softly.assertThat(answer.errorFields()).as("%s names the field", request).containsExactly(field);
		});
		softly.assertAll();

		JsonNode listed = this.json
			.readTree(call(HttpMethodAndPath.of("GET /api/v1/submissions?plan=" + PLAN + "&period=2022-H1"),
					vuNinh::authorization, null)
				.body());
		assertThat(listed.findValuesAsString("unitCode")).containsExactly("09190");
		JsonNode foreign = this.json.readTree(
				call(HttpMethodAndPath.of("GET /api/v1/submissions?plan=" + PLAN + "&period=2022-H1"), Identity.FOREIGN)
					.body());
		assertThat(foreign).isEmpty();

		// The officer is refused for the unit (naming the id that names it), the
		// commune's system for its role.
		Supplier<String> officer = vuNinh::authorization;
		Supplier<String> machine = () -> TestCaller.machine("09190").authorization();
		String narrative = "{\"results\": \"Viết hộ phường bạn.\", \"revision\": 0}";
		assertRefusedAndNothingChanged(HttpMethodAndPath.of("PUT /api/v1/submissions/" + DAP_CAU + "/narrative"),
				officer, narrative, List.of("id"));
		assertRefusedAndNothingChanged(HttpMethodAndPath.of("POST /api/v1/submissions/" + DAP_CAU + ":submit"), officer,
				null, List.of("id"));
		assertRefusedAndNothingChanged(HttpMethodAndPath.of("PUT /api/v1/submissions/" + DAP_CAU + "/narrative"),
				machine, narrative, List.of());
		assertRefusedAndNothingChanged(HttpMethodAndPath.of("POST /api/v1/submissions/" + DAP_CAU + ":submit"), machine,
				null, List.of());
	}

	@Test
	@Order(2)
	void everyEndpointAnswersEveryCallerAsTheMatrixSays() {
		List<Row> rows = rows();
		assertEveryEndpointIsInTheMatrix(rows);
		SoftAssertions softly = new SoftAssertions();
		for (Row row : rows) {
			boolean write = !row.request().method().equals("GET");
			// Refusals first, so that a write the matrix allows (a submission, say)
			// cannot hide one that should have been refused.
			for (Identity caller : row.callers((expected) -> expected != Expected.OK)) {
				Map<String, List<String>> before = write ? snapshot() : Map.of();
				assertCell(softly, row, caller);
				if (write) {
					softly.assertThat(snapshot())
						.as("%s refused to %s stores nothing", row.request(), caller.description)
						.isEqualTo(before);
				}
			}
			if (write) {
				softly.assertThat(newlyPublished())
					.as("%s refused to everyone it should be publishes nothing", row.request())
					.isEmpty();
			}
			for (Identity caller : row.callers((expected) -> expected == Expected.OK)) {
				assertCell(softly, row, caller);
			}
			if (write) {
				settle();
			}
		}
		softly.assertAll();
	}

	@Test
	@Order(3)
	void theApiDocumentNamesTheBearerSchemeAndTheSecurityAnswersAndNoCallerParameter() {
		Answer answer = call(HttpMethodAndPath.of("GET /v3/api-docs"), Identity.NONE);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode api = this.json.readTree(answer.body());
		assertThat(api.at("/components/securitySchemes/bearer-jwt/scheme").asString()).isEqualTo("bearer");
		assertThat(api.at("/components/securitySchemes/bearer-jwt/bearerFormat").asString()).isEqualTo("JWT");
		assertThat(api.at("/security/0").has("bearer-jwt")).isTrue();
		JsonNode approve = api.at("/paths/~1api~1v1~1submissions~1{id}:approve/post");
		assertThat(approve.at("/responses/401").isMissingNode()).isFalse();
		assertThat(approve.at("/responses/403").isMissingNode()).isFalse();
		List<String> parameters = new ArrayList<>();
		api.get("paths").forEach((path) -> path.forEach((operation) -> {
			if (operation.has("parameters")) {
				operation.get("parameters").forEach((parameter) -> parameters.add(parameter.get("name").asString()));
			}
		}));
		assertThat(parameters).contains("unitCode", "plan", "period").doesNotContain("caller");
		assertThat(api.at("/paths/~1api~1v1~1totals~1{unitCode}/get/parameters").findValuesAsString("name"))
			.containsExactly("unitCode");
	}

	private void assertCell(SoftAssertions softly, Row row, Identity caller) {
		Expected expected = row.expected().get(caller);
		Answer answer = call(row.request(), caller);
		softly.assertThat(expected.accepts(answer.status()))
			.as("%s as %s: expected %s, got %d %s", row.request(), caller.description, expected, answer.status(),
					answer.body())
			.isTrue();
	}

	/**
	 * Every method and path the service maps under {@code /api/v1} is called by at least
	 * one row, so that a new endpoint cannot go without its line in the matrix.
	 */
	private void assertEveryEndpointIsInTheMatrix(List<Row> rows) {
		List<String> mapped = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		this.mappings.getHandlerMethods().keySet().forEach((mapping) -> {
			Set<String> patterns = (mapping.getPathPatternsCondition() != null)
					? mapping.getPathPatternsCondition().getPatternValues() : Set.of();
			for (String pattern : patterns) {
				if (!pattern.startsWith("/api/v1/")) {
					continue;
				}
				PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
				for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
					mapped.add(method + " " + pattern);
					boolean called = rows.stream()
						.anyMatch((row) -> row.request().method().equals(method.name())
								&& parsed.matches(PathContainer.parsePath(row.request().path().split("\\?")[0])));
					if (!called) {
						missing.add(method + " " + pattern);
					}
				}
			}
		});
		assertThat(mapped).as("the service's endpoints").hasSizeGreaterThanOrEqualTo(25);
		assertThat(missing).as("endpoints without a row in the matrix").isEmpty();
	}

	/**
	 * Calls the endpoint as the caller, checks that it was refused with 403 naming the
	 * fields, and that no document changed and nothing was published.
	 */
	private void assertRefusedAndNothingChanged(HttpMethodAndPath request, Supplier<String> authorization, String body,
			List<String> fields) {
		settle();
		Map<String, List<String>> before = snapshot();
		Answer answer = call(request, authorization, body);
		assertThat(answer.status()).as("%s: %s", request, answer.body()).isEqualTo(403);
		assertThat(answer.errorFields()).containsExactlyElementsOf(fields);
		assertThat(snapshot()).as("%s stores nothing", request).isEqualTo(before);
		assertThat(newlyPublished()).as("%s publishes nothing", request).isEmpty();
	}

	private List<Row> rows() {
		List<String> lines = MATRIX.lines().filter((line) -> !line.isBlank()).toList();
		List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
		assertThat(header.subList(1, header.size()))
			.containsExactly(Arrays.stream(Identity.values()).map((caller) -> caller.column).toArray(String[]::new));
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.trim().split("\\s+");
			assertThat(cells).as(line).hasSize(2 + Identity.values().length);
			Map<Identity, Expected> expected = new EnumMap<>(Identity.class);
			for (Identity caller : Identity.values()) {
				expected.put(caller, Expected.of(cells[2 + caller.ordinal()]));
			}
			String path = cells[1].replace("{plan}", PLAN)
				.replace("{vuNinh}", VU_NINH)
				.replace("{thanhPho}", THANH_PHO);
			rows.add(new Row(new HttpMethodAndPath(cells[0], path), expected));
		}
		return rows;
	}

	private Answer call(HttpMethodAndPath request, Identity caller) {
		return call(request, caller.authorization, body(request));
	}

	private Answer call(HttpMethodAndPath request, Supplier<String> authorization, String body) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + request.path()))
			// Only against a hang: the first API document takes a while on a busy
			// machine.
			.timeout(Duration.ofMinutes(3))
			.method(request.method(),
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			builder.header("Content-Type", "application/json");
		}
		String header = authorization.get();
		if (header != null) {
			builder.header("Authorization", header);
		}
		try {
			HttpResponse<InputStream> response = this.http.send(builder.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			String type = response.headers().firstValue("Content-Type").orElse("");
			try (InputStream in = response.body()) {
				// A stream that was let in stays open: its status is the answer.
				String text = type.startsWith("text/event-stream") ? ""
						: new String(in.readAllBytes(), StandardCharsets.UTF_8);
				return new Answer(response.statusCode(), type, text);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The body a write sends: valid, so that only the caller decides the answer. */
	private String body(HttpMethodAndPath request) {
		if (request.path().endsWith("/narrative")) {
			long revision = this.json
				.readTree(call(HttpMethodAndPath.of("GET /api/v1/submissions/" + VU_NINH),
						Identity.REVIEWER.authorization, null)
					.body())
				.get("revision")
				.asLong();
			return "{\"results\": \"Phát 4 chuyên mục trên đài truyền thanh phường.\", \"revision\": " + revision + "}";
		}
		if (request.path().endsWith(":return")) {
			return "{\"comment\": \"Đề nghị bổ sung số liệu.\"}";
		}
		if (request.path().startsWith("/api/v1/indexes/") && request.method().equals("PUT")) {
			return "{\"value\": 85.5, \"source\": \"Bộ Nội vụ\"}";
		}
		return null;
	}

	/** Every document of every collection, as JSON, per collection. */
	private Map<String, List<String>> snapshot() {
		Map<String, List<String>> documents = new TreeMap<>();
		for (String name : this.store.listCollectionNames()) {
			List<String> all = new ArrayList<>();
			for (Document document : this.store.getCollection(name).find()) {
				all.add(document.toJson());
			}
			all.sort(String::compareTo);
			documents.put(name, all);
		}
		return documents;
	}

	/**
	 * Waits until every event in an outbox has been sent and read back, so that what a
	 * refusal might publish is told apart from what an accepted call did.
	 */
	private void settle() {
		await().atMost(PATIENCE).until(() -> {
			for (String collection : List.of("submissions", "submission_rounds")) {
				for (Document document : this.store.getCollection(collection).find()) {
					if (!document.getList("pending", Document.class, List.of()).isEmpty()) {
						return false;
					}
				}
			}
			return true;
		});
		while (!newlyPublished().isEmpty()) {
			// drained
		}
	}

	/** The records that reached cchc.submissions since the last look. */
	private List<ConsumerRecord<String, String>> newlyPublished() {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		// Longer than the relay's interval, so that an event put in an outbox would be
		// out.
		this.published.poll(Duration.ofMillis(1500)).forEach(records::add);
		return records;
	}

	/** The callers of the matrix's columns. */
	private enum Identity {

		COMMUNE("commune", "the commune officer (09190)", () -> TestCaller.officer("09190").authorization()),

		MACHINE("machine", "the commune's machine client (09190)", () -> TestCaller.machine("09190").authorization()),

		DISTRICT("district", "the district officer (256)", () -> TestCaller.officer("256").authorization()),

		DEPARTMENT("department", "the department officer (27-STTTT)",
				() -> TestCaller.officer("27-STTTT").authorization()),

		REVIEWER("reviewer", "the province reviewer (27-SNV)", () -> TestCaller.reviewer("27-SNV").authorization()),

		ADMIN("admin", "the administrator (27)", () -> TestCaller.admin("27").authorization()),

		NONE("none", "no token", () -> null),

		EXPIRED("expired", "an expired officer token (09190)", () -> TestTokens
			.bearer(TestTokens.builder("officer-09190", "09190", "officer").expiredFor(Duration.ofMinutes(5)).sign())),

		FOREIGN("foreign", "the reviewer of another province (58-SNV)",
				() -> TestCaller.reviewer("58-SNV").authorization());

		private final String column;

		private final String description;

		private final Supplier<String> authorization;

		Identity(String column, String description, Supplier<String> authorization) {
			this.column = column;
			this.description = description;
			this.authorization = authorization;
		}

	}

	/** A cell of the matrix. */
	private enum Expected {

		OK, UNAUTHENTICATED, FORBIDDEN;

		/** The statuses that are about the request rather than the caller. */
		private static final Set<Integer> REQUEST_PROBLEMS = Set.of(404, 409, 422);

		static Expected of(String cell) {
			return switch (cell) {
				case "ok" -> OK;
				case "401" -> UNAUTHENTICATED;
				case "403" -> FORBIDDEN;
				default -> throw new IllegalArgumentException("Not a cell of the matrix: " + cell);
			};
		}

		boolean accepts(int status) {
			return switch (this) {
				case OK -> (status >= 200 && status < 300) || REQUEST_PROBLEMS.contains(status);
				case UNAUTHENTICATED -> status == 401;
				case FORBIDDEN -> status == 403;
			};
		}

		@Override
		public String toString() {
			return switch (this) {
				case OK -> "ok (2xx, 404, 409 or 422)";
				case UNAUTHENTICATED -> "401";
				case FORBIDDEN -> "403";
			};
		}

	}

	private record HttpMethodAndPath(String method, String path) {

		static HttpMethodAndPath of(String request) {
			String[] parts = request.split(" ", 2);
			return new HttpMethodAndPath(parts[0], parts[1]);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	private record Row(HttpMethodAndPath request, Map<Identity, Expected> expected) {

		/** The callers whose cell is one of the expected answers, in column order. */
		List<Identity> callers(Predicate<Expected> which) {
			return this.expected.entrySet()
				.stream()
				.filter((cell) -> which.test(cell.getValue()))
				.map(Map.Entry::getKey)
				.toList();
		}

	}

	private record Answer(int status, String contentType, String body) {

		/** The fields a problem's {@code errors} name. */
		List<String> errorFields() {
			if (!this.contentType.startsWith("application/problem+json")) {
				return List.of();
			}
			JsonNode errors = JsonMapper.builder().build().readTree(this.body).get("errors");
			return (errors != null) ? errors.findValuesAsString("field") : List.of();
		}

	}

}
