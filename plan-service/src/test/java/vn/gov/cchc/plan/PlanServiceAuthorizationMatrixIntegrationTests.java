package vn.gov.cchc.plan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.plan.demo.DemoData;
import vn.gov.cchc.plan.ingest.StoredReceipts;
import vn.gov.cchc.plan.plan.PlanFixtures;
import vn.gov.cchc.plan.plan.PlanJson;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * Who may call what, through the real filter chain, on the demo's units (Bắc Ninh before
 * and after the reform of 1 July 2025, and Ninh Thuận), with a real broker and store.
 * Every endpoint of the service is a row of {@link #MATRIX}; every caller of the demo
 * identities is a column. A write refused with 401 or 403 stores nothing (no collection
 * of the service gains a document) and publishes nothing (no topic the service writes
 * gains a record).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanServiceAuthorizationMatrixIntegrationTests extends PlanServiceIntegrationTest {

	/**
	 * What each caller gets from each endpoint: {@code ok} is a 2xx answer, 401 and 403
	 * the problem answers. The callers: {@code commune} is the officer of Phường Vũ Ninh
	 * (09190), {@code machine} its one-stop system; {@code district} the officer of Thành
	 * phố Bắc Ninh (256); {@code department} the officer of Sở Thông tin và Truyền thông
	 * (27-STTTT); {@code reviewer} Sở Nội vụ (27-SNV); {@code admin} the administrator of
	 * Bắc Ninh (27); {@code none} sends no token; {@code expired} the commune officer's
	 * token, run out five minutes ago; {@code foreign} the reviewer of Ninh Thuận
	 * (58-SNV). What each row asks is in {@link #request}.
	 */
	static final String MATRIX = """
			endpoint                                      commune machine district department reviewer admin none expired foreign
			GET  /api/v1/units                            ok      403     ok       ok         ok       ok    401  401     ok
			GET  /api/v1/units/{code}                     ok      403     ok       403        ok       ok    401  401     403
			GET  /api/v1/units/{code}/children            403     403     ok       403        ok       ok    401  401     403
			PUT  /api/v1/units                            403     403     403      403        403      ok    401  401     403
			POST /api/v1/units:import                     403     403     403      403        403      ok    401  401     403
			POST /api/v1/units:merge                      403     403     403      403        403      ok    401  401     403
			POST /api/v1/units:split                      403     403     403      403        403      ok    401  401     403
			POST /api/v1/units/{code}:move                403     403     403      403        403      ok    401  401     403
			GET  /api/v1/plans                            ok      403     ok       ok         ok       ok    401  401     ok
			GET  /api/v1/plans/{planId}                   ok      403     ok       ok         ok       ok    401  401     403
			GET  /api/v1/plans/{planId}/versions          ok      403     ok       ok         ok       ok    401  401     403
			GET  /api/v1/plans/{planId}/versions/{version} ok     403     ok       ok         ok       ok    401  401     403
			GET  /api/v1/plans/{planId}/implementation    403     403     403      403        ok       ok    401  401     403
			PUT  /api/v1/plans/{planId}                   403     403     403      403        403      ok    401  401     403
			POST /api/v1/plans/{planId}:issue             403     403     403      403        403      ok    401  401     403
			POST /api/v1/plans/{planId}:amend             403     403     403      403        403      ok    401  401     403
			POST /api/v1/plans/{planId}:close             403     403     403      403        403      ok    401  401     403
			POST /api/v1/plans/{planId}:derive            403     403     403      403        403      ok    401  401     403
			POST /api/v1/progress                         ok      ok      403      403        403      403   401  401     403
			POST /api/v1/progress:batch                   ok      ok      403      403        403      403   401  401     403
			POST /api/v1/progress/{eventId}:retract       ok      ok      403      403        403      403   401  401     403
			""";

	/** The topics plan-service writes. */
	private static final List<String> OUTPUT_TOPICS = List.of("cchc.units", "cchc.plans", "cchc.progress",
			"cchc.progress.rejected");

	/** The topics plan-service consumes. */
	private static final List<String> INPUT_TOPICS = List.of("cchc.units", "cchc.progress.inbox");

	/** The issued plan of Bắc Ninh for 2022 the reads and reports are about. */
	private static final String PLAN = "AM-27-2022";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private JsonMapper mapper;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private KafkaConsumer<String, String> offsets;

	private Admin admin;

	/** A caller of the matrix: its column and its token, if it sends one. */
	enum Identity {

		COMMUNE("commune", TestTokens.officer("09190")), MACHINE("machine", TestTokens.machine("09190")),
		DISTRICT("district", TestTokens.officer("256")), DEPARTMENT("department", TestTokens.officer("27-STTTT")),
		REVIEWER("reviewer", TestTokens.reviewer("27-SNV")), ADMIN("admin", TestTokens.admin("27")), NONE("none", null),
		EXPIRED("expired",
				TestTokens.builder("officer-09190", "09190", "officer").expiredFor(Duration.ofMinutes(5)).sign()),
		FOREIGN("foreign", TestTokens.reviewer("58-SNV"));

		final String column;

		final @Nullable String token;

		Identity(String column, @Nullable String token) {
			this.column = column;
			this.token = token;
		}

	}

	@BeforeAll
	void demoUnitsTestUnitsPlansAndReports() throws Exception {
		Properties kafka = new Properties();
		kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		this.admin = Admin.create(kafka);
		Properties consumer = new Properties();
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString());
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		this.offsets = new KafkaConsumer<>(consumer);

		String admin = TestTokens.admin("27");
		byte[] demoUnits = Files.readAllBytes(DemoData.load().directory().resolve("units.json"));
		assertThat(send(admin, HttpMethod.PUT, "/api/v1/units", new String(demoUnits, StandardCharsets.UTF_8)))
			.hasStatus2xxSuccessful();
		// The writes below are made on units of a test province, AM, so that every one of
		// them can succeed. A batch may name a parent registered in the same batch.
		String province = PlanJson.provinceUnits("AM");
		assertThat(send(admin, HttpMethod.PUT, "/api/v1/units",
				province.substring(0, province.lastIndexOf(']'))
						+ """
								,{"code": "AM.D1", "name": "Huyện Một", "kind": "DISTRICT", "parentCode": "AM", "validFrom": "1997-01-01"},
								 {"code": "AM.D2", "name": "Huyện Hai", "kind": "DISTRICT", "parentCode": "AM", "validFrom": "1997-01-01"},
								 {"code": "AM.MV", "name": "Xã Chuyển Đi", "kind": "COMMUNE", "parentCode": "AM.D1",
								  "validFrom": "1997-01-01"},
								 {"code": "AM.M1", "name": "Xã Nhập Một", "kind": "COMMUNE", "parentCode": "AM.D1",
								  "validFrom": "1997-01-01"},
								 {"code": "AM.M2", "name": "Xã Nhập Hai", "kind": "COMMUNE", "parentCode": "AM.D1",
								  "validFrom": "1997-01-01"},
								 {"code": "AM.S", "name": "Xã Tách Ra", "kind": "COMMUNE", "parentCode": "AM.D2",
								  "validFrom": "1997-01-01"}]"""))
			.hasStatus2xxSuccessful();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (String code : List.of("27", "27-SNV", "27-STTTT", "27-DPTTH", "256", "09190", "09193", "09202",
					"33001")) {
				assertThat(send(admin, HttpMethod.GET, "/api/v1/units/" + code, null)).as(code).hasStatusOk();
			}
			for (String code : List.of("58", "58-SNV")) {
				assertThat(send(TestTokens.admin("58"), HttpMethod.GET, "/api/v1/units/" + code, null)).as(code)
					.hasStatusOk();
			}
			for (String code : List.of("AM", "AM.SNV", "AM.PTTH", "AM.D1", "AM.D2", "AM.MV", "AM.M1", "AM.M2",
					"AM.S")) {
				assertThat(send(TestTokens.admin("AM"), HttpMethod.GET, "/api/v1/units/" + code, null)).as(code)
					.hasStatusOk();
			}
		});

		PlanFixtures.storeIssued(this.mongo, this.mapper, PlanFixtures.oneYearPlan(PLAN, "27", "27-DPTTH", 2022));
		PlanFixtures.storeIssued(this.mongo, this.mapper,
				PlanFixtures.oneYearPlan("AM-27-2025", "27", "27-DPTTH", 2025));
		PlanFixtures.storeIssued(this.mongo, this.mapper,
				PlanFixtures.oneYearPlan("AM-09193-2022", "09193", "09193", 2022));
		assertThat(send(admin, HttpMethod.PUT, "/api/v1/plans/AM-ISSUE", yearPlan())).hasStatus2xxSuccessful();
		for (String planId : List.of("AM-AMEND", "AM-CLOSE", "AM-DERIVE")) {
			assertThat(send(admin, HttpMethod.PUT, "/api/v1/plans/" + planId, yearPlan())).hasStatus2xxSuccessful();
			assertThat(send(admin, HttpMethod.POST, "/api/v1/plans/" + planId + ":issue",
					"{\"issuedOn\": \"2024-01-15\"}"))
				.hasStatus2xxSuccessful();
		}
		// One report of Phường Vũ Ninh for every caller to try to retract.
		for (Identity caller : Identity.values()) {
			assertThat(send(TestTokens.officer("09190"), HttpMethod.POST, "/api/v1/progress",
					report("am-orig-" + caller.column)))
				.hasStatus2xxSuccessful();
		}
	}

	@AfterAll
	void closeClients() {
		this.offsets.close();
		this.admin.close();
	}

	@Test
	void theMatrixHasARowForEveryEndpointOfTheService() {
		Set<String> endpoints = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType().getPackageName().startsWith("vn.gov.cchc.plan")) {
				endpoints.addAll(endpointsOf(info));
			}
		});

		assertThat(new TreeSet<>(rows().keySet())).isEqualTo(endpoints);
	}

	@Test
	void everyEndpointAnswersEveryCallerAsTheMatrixSaysAndARefusedWriteLeavesNoTrace() {
		SoftAssertions softly = new SoftAssertions();
		rows().forEach((endpoint, expected) -> {
			boolean write = !endpoint.startsWith("GET ");
			for (Identity caller : Identity.values()) {
				String want = expected.get(caller);
				boolean refused = !want.equals("ok");
				Request request = request(endpoint, caller);
				Traces before = (write && refused) ? settledTraces() : null;

				MvcTestResult result = send(caller.token, request.method(), request.uri(), request.body());

				int status = result.getResponse().getStatus();
				String cell = endpoint + " as " + caller.column + ": " + status + " "
						+ new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
				if (refused) {
					softly.assertThat(status).as(cell).isEqualTo(Integer.parseInt(want));
					softly.assertThat(result.getResponse().getContentType())
						.as(cell)
						.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				}
				else {
					softly.assertThat(status).as(cell).isBetween(200, 299);
				}
				if (before != null) {
					softly.assertThat(traces()).as("what " + cell + " left behind").isEqualTo(before);
				}
			}
		});
		softly.assertAll();
	}

	@Test
	void aCommuneReadsItselfButNeitherAnotherCommuneNorItsDistrict() {
		String commune = TestTokens.officer("09190");

		for (String other : List.of("09193", "09202", "256")) {
			MvcTestResult result = send(commune, HttpMethod.GET, "/api/v1/units/" + other, null);
			assertThat(result).as(other).hasStatus(403);
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
		}
		assertThat(codes(send(commune, HttpMethod.GET, "/api/v1/units?on=2025-06-30", null))).containsExactly("09190");
		assertThat(send(commune, HttpMethod.GET, "/api/v1/units/256/children?on=2025-06-30", null)).hasStatus(403);
		MvcTestResult othersPlan = send(commune, HttpMethod.GET, "/api/v1/plans/AM-09193-2022", null);
		assertThat(othersPlan).hasStatus(403);
		assertThat(othersPlan).bodyJson().extractingPath("$.errors[0].field").isEqualTo("planId");
		assertThat(codes(send(commune, HttpMethod.GET, "/api/v1/plans?issuer=09193", null))).isEmpty();
		assertThat(send(TestTokens.officer("09193"), HttpMethod.GET, "/api/v1/plans/AM-09193-2022", null))
			.hasStatusOk();
		assertThat(codes(send(TestTokens.officer("256"), HttpMethod.GET, "/api/v1/units?on=2025-06-30", null)))
			.contains("256", "09190", "09193")
			.doesNotContain("27", "258", "09202");
	}

	@Test
	void aCommuneWritesNothingForAnotherCommuneNotEvenInABatchWithItsOwnReports() {
		Traces before = settledTraces();

		MvcTestResult single = send(TestTokens.officer("09190"), HttpMethod.POST, "/api/v1/progress",
				report("am-foreign-0001").replace("\"09190\"", "\"09193\""));
		MvcTestResult batch = send(TestTokens.machine("09190"), HttpMethod.POST, "/api/v1/progress:batch", "["
				+ report("am-foreign-0002") + "," + report("am-foreign-0003").replace("\"09190\"", "\"09193\"") + "]");
		MvcTestResult retraction = send(TestTokens.officer("09190"), HttpMethod.POST,
				"/api/v1/progress/am-orig-none:retract", """
						{"unitCode": "09193", "reporter": "Cán bộ phường Vũ Ninh", "reason": "Báo cáo nhầm"}""");

		assertThat(single).hasStatus(403);
		assertThat(single).bodyJson().extractingPath("$.errors[0].field").isEqualTo("unitCode");
		assertThat(single).bodyJson().extractingPath("$.detail").asString().contains("09190").contains("09193");
		assertThat(batch).hasStatus(403);
		assertThat(batch).bodyJson().extractingPath("$.errors[0].field").isEqualTo("[1].unitCode");
		assertThat(retraction).hasStatus(403);
		assertThat(retraction).bodyJson().extractingPath("$.errors[0].field").isEqualTo("unitCode");
		assertThat(traces()).isEqualTo(before);
		assertThat(receipt("am-foreign-0002")).as("the commune's own report of the refused batch").isNull();
		assertThat(receipt("am-orig-none")).isNotNull();
		assertThat(StoredReceipts.retractionsOf(this.mongo.getDb(), "am-orig-none")).as("retractions of it").isEmpty();
	}

	@Test
	void aTokenOfAnotherProvinceReadsNothingOfBacNinh() {
		String foreign = TestTokens.reviewer("58-SNV");

		List<String> units = codes(send(foreign, HttpMethod.GET, "/api/v1/units?on=2025-06-30", null));

		assertThat(units).contains("58", "58-SNV").doesNotContain("27", "27-SNV", "256", "09190");
		assertThat(send(foreign, HttpMethod.GET, "/api/v1/units/27", null)).hasStatus(403);
		assertThat(codes(send(foreign, HttpMethod.GET, "/api/v1/plans?issuer=27&year=2022", null))).isEmpty();
		assertThat(send(foreign, HttpMethod.GET, "/api/v1/plans/" + PLAN, null)).hasStatus(403);
	}

	@Test
	void readsFollowTheTreeOfTheDaysTheyAreAbout() {
		String commune = TestTokens.officer("09190");

		// Phường Vũ Ninh was merged into 33001 on 1 July 2025: it still reads its own
		// record
		// and its province's plan for 2025, and the new commune reads that plan too.
		assertThat(send(commune, HttpMethod.GET, "/api/v1/units/09190", null)).hasStatusOk();
		assertThat(send(commune, HttpMethod.GET, "/api/v1/plans/AM-27-2025", null)).hasStatusOk();
		assertThat(send(TestTokens.officer("33001"), HttpMethod.GET, "/api/v1/plans/AM-27-2025", null)).hasStatusOk();
		// On a day it did not exist it reads nothing; the new commune reads itself.
		assertThat(codes(send(commune, HttpMethod.GET, "/api/v1/units?on=2025-07-01", null))).isEmpty();
		assertThat(codes(send(TestTokens.officer("33001"), HttpMethod.GET, "/api/v1/units?on=2025-07-01", null)))
			.containsExactly("33001");
		// The district that ended then still reads its record, and has no children today.
		assertThat(codes(send(TestTokens.officer("256"), HttpMethod.GET, "/api/v1/units/256/children", null)))
			.isEmpty();
		assertThat(codes(
				send(TestTokens.officer("256"), HttpMethod.GET, "/api/v1/units/256/children?on=2025-06-30", null)))
			.contains("09190", "09193");
	}

	/** What a row of the matrix sends for a caller. */
	private static Request request(String endpoint, Identity caller) {
		String who = caller.column;
		return switch (endpoint) {
			case "GET /api/v1/units" -> Request.get("/api/v1/units?on=2025-06-30");
			case "GET /api/v1/units/{code}" -> Request.get("/api/v1/units/09190");
			case "GET /api/v1/units/{code}/children" -> Request.get("/api/v1/units/256/children?on=2025-06-30");
			case "PUT /api/v1/units" -> new Request(HttpMethod.PUT, "/api/v1/units", """
					[{"code": "AM.NEW", "name": "Xã Mới Lập", "kind": "COMMUNE", "parentCode": "AM.D2",
					  "validFrom": "2024-01-01"}]""");
			case "POST /api/v1/units:import" -> new Request(HttpMethod.POST, "/api/v1/units:import", """
					[{"code": "AM.IMP", "name": "Xã Nhập Từ Tệp", "kind": "COMMUNE", "parentCode": "AM.D2",
					  "validFrom": "2024-01-01"}]""");
			case "POST /api/v1/units:merge" -> new Request(HttpMethod.POST, "/api/v1/units:merge",
					"""
							{"predecessorCodes": ["AM.M1", "AM.M2"], "effectiveOn": "2024-01-01",
							 "successor": {"code": "AM.MN", "name": "Xã Hợp Nhất", "kind": "COMMUNE", "parentCode": "AM.D1"}}""");
			case "POST /api/v1/units:split" -> new Request(HttpMethod.POST, "/api/v1/units:split",
					"""
							{"predecessorCode": "AM.S", "effectiveOn": "2024-01-01",
							 "successors": [{"code": "AM.S1", "name": "Xã Tách Một", "kind": "COMMUNE", "parentCode": "AM.D2"},
							                {"code": "AM.S2", "name": "Xã Tách Hai", "kind": "COMMUNE", "parentCode": "AM.D2"}]}""");
			case "POST /api/v1/units/{code}:move" -> new Request(HttpMethod.POST, "/api/v1/units/AM.MV:move", """
					{"parentCode": "AM.D2", "effectiveOn": "2024-01-01"}""");
			case "GET /api/v1/plans" -> Request.get("/api/v1/plans?issuer=27&year=2022");
			case "GET /api/v1/plans/{planId}" -> Request.get("/api/v1/plans/" + PLAN);
			case "GET /api/v1/plans/{planId}/versions" -> Request.get("/api/v1/plans/" + PLAN + "/versions");
			case "GET /api/v1/plans/{planId}/versions/{version}" ->
				Request.get("/api/v1/plans/" + PLAN + "/versions/1");
			case "GET /api/v1/plans/{planId}/implementation" ->
				Request.get("/api/v1/plans/" + PLAN + "/implementation?on=2022-06-30");
			case "PUT /api/v1/plans/{planId}" -> new Request(HttpMethod.PUT, "/api/v1/plans/AM-PUT-" + who, yearPlan());
			case "POST /api/v1/plans/{planId}:issue" ->
				new Request(HttpMethod.POST, "/api/v1/plans/AM-ISSUE:issue", "{\"issuedOn\": \"2024-01-15\"}");
			case "POST /api/v1/plans/{planId}:amend" -> {
				ObjectNode amendment = PlanJson.yearPlan("AM", 2024);
				amendment.put("reason", "Bổ sung theo chỉ đạo của UBND tỉnh").put("amendedOn", "2024-06-01");
				yield new Request(HttpMethod.POST, "/api/v1/plans/AM-AMEND:amend", amendment.toString());
			}
			case "POST /api/v1/plans/{planId}:close" ->
				new Request(HttpMethod.POST, "/api/v1/plans/AM-CLOSE:close", "{\"closedOn\": \"2024-12-31\"}");
			case "POST /api/v1/plans/{planId}:derive" -> new Request(HttpMethod.POST, "/api/v1/plans/AM-DERIVE:derive",
					"{\"planId\": \"AM-DERIVED-" + who + "\", \"issuerCode\": \"AM.D1\"}");
			case "POST /api/v1/progress" ->
				new Request(HttpMethod.POST, "/api/v1/progress", report("am-one-" + who + "-0001"));
			case "POST /api/v1/progress:batch" -> new Request(HttpMethod.POST, "/api/v1/progress:batch",
					"[" + report("am-batch-" + who + "-0001") + "," + report("am-batch-" + who + "-0002") + "]");
			case "POST /api/v1/progress/{eventId}:retract" ->
				new Request(HttpMethod.POST, "/api/v1/progress/am-orig-" + who + ":retract", """
						{"unitCode": "09190", "reporter": "Cán bộ phường Vũ Ninh", "reason": "Báo cáo nhầm ngày"}""");
			default -> throw new IllegalArgumentException("No request for " + endpoint);
		};
	}

	/** A public posting by Phường Vũ Ninh under Bắc Ninh's plan for 2022. */
	private static String report(String eventId) {
		return """
				{"eventId": "%s", "unitCode": "09190", "planId": "%s", "activityId": "HD02", "date": "2022-05-10",
				 "quantities": {"postings": 2}, "reporter": "Cán bộ một cửa phường Vũ Ninh"}""".formatted(eventId,
				PLAN);
	}

	private static String yearPlan() {
		return PlanJson.yearPlan("AM", 2024).toString();
	}

	/** The matrix: endpoint to what each caller gets. */
	private static Map<String, Map<Identity, String>> rows() {
		List<String> lines = MATRIX.lines().filter((line) -> !line.isBlank()).toList();
		List<String> columns = Arrays.asList(lines.get(0).trim().split("\\s+"));
		assertThat(columns.subList(1, columns.size()))
			.containsExactlyElementsOf(Arrays.stream(Identity.values()).map((caller) -> caller.column).toList());
		Map<String, Map<Identity, String>> rows = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.trim().split("\\s+");
			assertThat(cells).as(line).hasSize(Identity.values().length + 2);
			Map<Identity, String> expected = new HashMap<>();
			for (Identity caller : Identity.values()) {
				expected.put(caller, cells[caller.ordinal() + 2]);
			}
			rows.put(cells[0] + " " + cells[1], expected);
		}
		return rows;
	}

	private static Collection<String> endpointsOf(RequestMappingInfo info) {
		Set<String> patterns = info.getPathPatternsCondition().getPatternValues();
		return info.getMethodsCondition()
			.getMethods()
			.stream()
			.flatMap((method) -> patterns.stream().map((pattern) -> method.name() + " " + pattern))
			.toList();
	}

	private MvcTestResult send(@Nullable String token, HttpMethod method, String uri, @Nullable String body) {
		MockMvcTester.MockMvcRequestBuilder request = this.mvc.method(method).uri(uri);
		if (token != null) {
			request.with(bearer(token));
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
		}
		return request.exchange();
	}

	/** The codes or plan ids of a list answer. */
	private static List<String> codes(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		JsonNode list = json.readTree(result.getResponse().getContentAsByteArray());
		return list.valueStream()
			.map((item) -> item.has("code") ? item.get("code").asString() : item.get("planId").asString())
			.toList();
	}

	private @Nullable Document receipt(String eventId) {
		return StoredReceipts.claim(this.mongo.getDb(), eventId);
	}

	/**
	 * The traces once the service is idle: no plan event left in an outbox and every
	 * record of the topics it consumes consumed, so that nothing changes but what a
	 * request does.
	 */
	private Traces settledTraces() {
		await().atMost(Duration.ofSeconds(60))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> {
				assertThat(this.mongo.getCollection("plans").find().projection(new Document("outbox", 1)))
					.as("plans with events still in their outbox")
					.allSatisfy((plan) -> assertThat(plan.getList("outbox", Object.class, List.of())).isEmpty());
				assertThat(lag()).as("records plan-service has not consumed yet").isZero();
			});
		return traces();
	}

	/** How many documents each collection holds and how many records each topic. */
	private Traces traces() {
		Map<String, Long> documents = new TreeMap<>();
		for (String collection : this.mongo.getCollectionNames()) {
			documents.put(collection, this.mongo.getCollection(collection).countDocuments());
		}
		Map<String, Long> records = new TreeMap<>();
		this.offsets.endOffsets(partitions(OUTPUT_TOPICS))
			.forEach((partition, end) -> records.merge(partition.topic(), end, Long::sum));
		return new Traces(documents, records);
	}

	private long lag() throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets("plan-service")
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, OffsetSpec> latest = partitions(INPUT_TOPICS).stream()
			.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = this.admin.listOffsets(latest).all().get();
		long lag = 0;
		for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
			OffsetAndMetadata at = committed.get(end.getKey());
			lag += end.getValue().offset() - ((at != null) ? at.offset() : 0L);
		}
		return lag;
	}

	private List<TopicPartition> partitions(List<String> topics) {
		return topics.stream()
			.flatMap((topic) -> this.offsets.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition())))
			.toList();
	}

	/** A request of a row. */
	private record Request(HttpMethod method, String uri, @Nullable String body) {

		static Request get(String uri) {
			return new Request(HttpMethod.GET, uri, null);
		}

	}

	/** What the service keeps: documents per collection, records per topic it writes. */
	private record Traces(Map<String, Long> documents, Map<String, Long> records) {

	}

}
