package vn.gov.cchc.plan.unit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.cchc.plan.TestCallers.adminOf;
import static vn.gov.cchc.plan.TestCallers.administrator;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * {@code PUT /api/v1/units} publishes to a real {@code cchc.units}, and the service's own
 * consumer turns the topic into the view the reads show. Each test uses its own unit
 * codes, so the tests do not depend on each other's units.
 */
class UnitRegistrationIntegrationTests extends PlanServiceIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MeterRegistry meters;

	@Test
	void publishesOneEventPerNewUnitKeyedByItsCodeAndShowsThemOnceMaterialized() {
		// The child comes first: a parent later in the same batch is enough.
		MvcTestResult result = put(tree("91", "xa-vu-ninh@bacninh.gov.vn"));

		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(answer(result)).isEqualTo(Map.of("registered", 3, "changed", 0, "unchanged", 0));
		for (String code : List.of("91", "91-D", "91-D-C")) {
			List<ConsumerRecord<String, String>> records = topic("cchc.units").withKey(code);
			assertThat(records).hasSize(1);
			JsonNode event = json.readTree(records.get(0).value());
			assertThat(event.get("type").asString()).isEqualTo(EventTypes.UNIT_REGISTERED_V1);
			assertThat(event.get("subject").asString()).isEqualTo(code);
			assertThat(event.get("source").asString()).isEqualTo("/cchc/plan-service");
			assertThat(event.get("data").get("unit").get("code").asString()).isEqualTo(code);
			assertThat(event.get("data").get("occurredAt").asString()).isNotBlank();
		}
		awaitUnit("91-D-C");
		JsonNode commune = json.readTree(this.mvc.get()
			.uri("/api/v1/units/91-D-C")
			.with(bearer(adminOf("91-D-C")))
			.exchange()
			.getResponse()
			.getContentAsByteArray());
		assertThat(commune.get("name").asString()).isEqualTo("Xã Thử Nghiệm");
		assertThat(commune.get("kind").asString()).isEqualTo("COMMUNE");
		assertThat(commune.get("parentCode").asString()).isEqualTo("91-D");
		assertThat(commune.get("validFrom").asString()).isEqualTo("2025-07-01");
		assertThat(commune.get("contacts").get("email").asString()).isEqualTo("xa-vu-ninh@bacninh.gov.vn");
		awaitUnit("91");
		assertThat(this.mvc.get().uri("/api/v1/units").with(bearer(adminOf("91")))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].code")
			.asArray()
			.contains("91", "91-D", "91-D-C");
	}

	@Test
	void publishesNothingForAnUnchangedBatch() {
		assertThat(put(tree("92", "a@bacninh.gov.vn"))).hasStatus(HttpStatus.ACCEPTED);
		awaitUnit("92", "92-D", "92-D-C");
		long before = topic("cchc.units").size();

		MvcTestResult again = put(tree("92", "a@bacninh.gov.vn"));

		assertThat(again).hasStatus(HttpStatus.ACCEPTED);
		assertThat(answer(again)).isEqualTo(Map.of("registered", 0, "changed", 0, "unchanged", 3));
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void publishesOneUnitChangedForAChangedContact() {
		assertThat(put(tree("93", "old@bacninh.gov.vn"))).hasStatus(HttpStatus.ACCEPTED);
		awaitUnit("93", "93-D", "93-D-C");
		long before = topic("cchc.units").size();

		MvcTestResult changed = put(tree("93", "new@bacninh.gov.vn"));

		assertThat(changed).hasStatus(HttpStatus.ACCEPTED);
		assertThat(answer(changed)).isEqualTo(Map.of("registered", 0, "changed", 1, "unchanged", 2));
		assertThat(topic("cchc.units").size()).isEqualTo(before + 1);
		List<ConsumerRecord<String, String>> records = topic("cchc.units").withKey("93-D-C");
		assertThat(records).hasSize(2);
		JsonNode event = json.readTree(records.get(1).value());
		assertThat(event.get("type").asString()).isEqualTo(EventTypes.UNIT_CHANGED_V1);
		assertThat(event.get("data").get("unit").get("contacts").get("email").asString())
			.isEqualTo("new@bacninh.gov.vn");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/api/v1/units/93-D-C").with(bearer(adminOf("93-D-C"))))
				.bodyJson()
				.extractingPath("$.contacts.email")
				.isEqualTo("new@bacninh.gov.vn"));
	}

	@Test
	void deadLettersAPoisonRecordAndMaterializesTheNextOne() {
		topic("cchc.units").send("POISON-1", "this is not a CloudEvent");
		topic("cchc.units").send("94", """
				{"specversion": "1.0", "id": "ext-94-1", "source": "/test", "type": "%s",
				 "time": "2026-01-01T00:00:00Z", "subject": "94", "datacontenttype": "application/json",
				 "data": {"unit": {"code": "94", "name": "Tỉnh Thử Nghiệm", "kind": "PROVINCE",
				   "parentCode": null, "validFrom": "2026-01-01", "validTo": null,
				   "contacts": {"person": null, "email": null, "phone": null}, "region": "north"},
				  "occurredAt": "2026-01-01T00:00:00Z"}}""".formatted(EventTypes.UNIT_REGISTERED_V1));

		awaitUnit("94");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(topic("cchc.units.dlq").withKey("POISON-1")).singleElement()
				.satisfies((record) -> assertThat(record.value()).isEqualTo("this is not a CloudEvent")));
		assertThat(this.mvc.get().uri("/api/v1/units/POISON-1").with(bearer(adminOf("POISON-1"))))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void ignoresAnEventOlderThanTheStoredState() {
		topic("cchc.units").send("95", unitEvent("95", "Tỉnh Mới", "2026-03-01T00:00:00Z"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.mvc.get().uri("/api/v1/units/95").with(bearer(adminOf("95")))).bodyJson()
						.extractingPath("$.name")
						.isEqualTo("Tỉnh Mới"));
		double staleBefore = this.meters.counter("cchc.units.stale").count();

		topic("cchc.units").send("95", unitEvent("95", "Tỉnh Cũ", "2026-02-01T00:00:00Z"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.meters.counter("cchc.units.stale").count() > staleBefore);
		assertThat(this.mvc.get().uri("/api/v1/units/95").with(bearer(adminOf("95")))).bodyJson()
			.extractingPath("$.name")
			.isEqualTo("Tỉnh Mới");
	}

	@Test
	void refusesABatchNamingEveryBrokenFieldAndPublishesNothing() {
		long before = topic("cchc.units").size();

		MvcTestResult result = put("""
				[{"code": "96", "name": "Tỉnh Sai", "kind": "PROVINCE", "parentCode": "27", "validFrom": "2026-01-01"},
				 {"code": "96-x", "name": "", "kind": "DISTRICT", "parentCode": "96", "validFrom": "2026-01-01",
				  "validTo": "2025-01-01", "contacts": {"email": "not-an-email", "phone": "12ab"}}]""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fields(result)).containsExactlyInAnyOrder("[0].parentCode", "[1].code", "[1].name", "[1].validTo",
				"[1].contacts.email", "[1].contacts.phone");
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void refusesAUnitWhoseParentIsNowhereAndPublishesNothing() {
		long before = topic("cchc.units").size();

		MvcTestResult result = put("""
				[{"code": "97-D", "name": "Huyện Mồ Côi", "kind": "DISTRICT", "parentCode": "97",
				  "validFrom": "2026-01-01"}]""");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fields(result)).containsExactly("[0].parentCode");
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void namesTheElementOfAValueOfTheWrongType() {
		MvcTestResult result = put(
				"""
						[{"code": "98", "name": "Tỉnh", "kind": "PROVINCE", "validFrom": "2026-01-01"},
						 {"code": "98-D", "name": "Huyện", "kind": "HAMLET", "parentCode": "98", "validFrom": "2026-01-01"}]""");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fields(result)).containsExactly("[1].kind");
	}

	@Test
	void answersAProblemForAnUnknownUnit() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/units/NO-SUCH-UNIT")
			.with(bearer(adminOf("NO-SUCH-UNIT")))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://cchc.gov.vn/problems/unit-not-found");
	}

	@Test
	void keepsTheHistoryLinksAndGroupsOfAUnitAndCountsTheSameStateAsUnchanged() {
		String batch = """
				[{"code": "UT10", "name": "Tỉnh Ninh Thuận Thử", "kind": "PROVINCE", "validFrom": "1997-01-01"},
				 {"code": "UT10.A", "name": "Huyện Ninh Phước", "kind": "DISTRICT", "parentCode": "UT10",
				  "validFrom": "1997-01-01", "validTo": "2025-06-30", "successorCodes": ["UT10.X"]},
				 {"code": "UT10.X", "name": "Xã Phước Hậu", "kind": "COMMUNE", "parentCode": "UT10",
				  "validFrom": "1997-01-01",
				  "parentHistory": [{"parentCode": "UT10.A", "from": "1997-01-01", "to": "2025-06-30"}],
				  "predecessorCodes": ["UT10.A"],
				  "groups": {"commune-radio-stations": 1, "commune-post-offices": 2}}]""";

		assertThat(put(batch)).hasStatus(HttpStatus.ACCEPTED);
		awaitUnit("UT10", "UT10.A", "UT10.X");
		JsonNode commune = json.readTree(this.mvc.get()
			.uri("/api/v1/units/UT10.X?on=2020-05-05")
			.with(bearer(adminOf("UT10.X")))
			.exchange()
			.getResponse()
			.getContentAsByteArray());
		assertThat(commune.get("parentCode").asString()).isEqualTo("UT10");
		assertThat(commune.get("parentCodeOn").asString()).isEqualTo("UT10.A");
		assertThat(commune.get("parentHistory").get(0).get("to").asString()).isEqualTo("2025-06-30");
		assertThat(commune.get("predecessorCodes").get(0).asString()).isEqualTo("UT10.A");
		assertThat(commune.get("groups").get("commune-post-offices").asInt()).isEqualTo(2);

		long before = topic("cchc.units").size();
		MvcTestResult again = put(batch);

		assertThat(answer(again)).isEqualTo(Map.of("registered", 0, "changed", 0, "unchanged", 3));
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void refusesToGiveAKnownCodeToAUnitOfAnotherKind() {
		assertThat(put("""
				[{"code": "UT11", "name": "Tỉnh Bình Phước Thử", "kind": "PROVINCE", "validFrom": "1997-01-01"}]"""))
			.hasStatus(HttpStatus.ACCEPTED);
		awaitUnit("UT11");
		long before = topic("cchc.units").size();

		MvcTestResult result = put("""
				[{"code": "UT11", "name": "Sở Xây dựng", "kind": "DEPARTMENT", "parentCode": "27",
				  "validFrom": "1997-01-01"}]""");

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/unit-code-reused");
		assertThat(fields(result)).containsExactly("[0].kind");
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void refusesBrokenHistoryLinksAndGroupsNamingEachField() {
		long before = topic("cchc.units").size();

		MvcTestResult malformed = put(
				"""
						[{"code": "UT12", "name": "Tỉnh", "kind": "PROVINCE", "validFrom": "1997-01-01",
						  "groups": {"Đài truyền thanh": 1}},
						 {"code": "UT12.A", "name": "Huyện", "kind": "DISTRICT", "parentCode": "UT12", "validFrom": "2000-01-01",
						  "validTo": "2010-12-31", "successorCodes": ["UT12.A"],
						  "parentHistory": [{"parentCode": "UT12", "from": "1999-01-01", "to": "2010-12-31"}]}]""");
		MvcTestResult unknownLinks = put(
				"""
						[{"code": "UT12", "name": "Tỉnh", "kind": "PROVINCE", "validFrom": "1997-01-01"},
						 {"code": "UT12.A", "name": "Huyện", "kind": "DISTRICT", "parentCode": "UT12", "validFrom": "2000-01-01",
						  "predecessorCodes": ["UT12.GONE"],
						  "parentHistory": [{"parentCode": "UT12.NOWHERE", "from": "2000-01-01", "to": "2004-12-31"}]}]""");

		assertThat(malformed).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(fields(malformed)).containsExactlyInAnyOrder("[0].groups.Đài truyền thanh", "[1].successorCodes[0]",
				"[1].parentHistory[0].from", "[1].parentHistory[0].to");
		assertThat(unknownLinks).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(fields(unknownLinks)).containsExactlyInAnyOrder("[1].parentHistory[0].parentCode",
				"[1].predecessorCodes[0]");
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void namesTheDayParameterWhenItIsNoDay() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/units?on=2025-02-30")
			.with(bearer(administrator()))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fields(result)).containsExactly("on");
	}

	@Test
	void describesEveryUnitEndpointInOpenApi() {
		assertThat(this.mvc.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/v1/units", "/api/v1/units/{code}", "/api/v1/units/{code}/children",
					"/api/v1/units:import", "/api/v1/units:merge", "/api/v1/units:split", "/api/v1/units/{code}:move");
		assertThat(this.mvc.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).bodyJson()
			.extractingPath("$.paths['/api/v1/units:merge'].post.responses")
			.asMap()
			.containsKeys("202", "400", "409", "422");
		assertThat(this.mvc.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)).bodyJson()
			.extractingPath("$.paths['/api/v1/units:import'].post.requestBody.content")
			.asMap()
			.containsKeys("text/csv", "application/json");
	}

	@Test
	void createsTheUnitsTopicCompacted() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			ConfigResource units = new ConfigResource(ConfigResource.Type.TOPIC, "cchc.units");
			String policy = admin.describeConfigs(List.of(units)).all().get().get(units).get("cleanup.policy").value();
			assertThat(policy).isEqualTo("compact");
		}
	}

	/** A province, a district and a commune, listed child first. */
	private static String tree(String province, String communeEmail) {
		return """
				[{"code": "%1$s-D-C", "name": "Xã Thử Nghiệm", "kind": "COMMUNE", "parentCode": "%1$s-D",
				  "validFrom": "2025-07-01", "validTo": null,
				  "contacts": {"person": "Ngô Quang Dũng", "email": "%2$s", "phone": "0912345605"}},
				 {"code": "%1$s-D", "name": "Huyện Thử Nghiệm", "kind": "DISTRICT", "parentCode": "%1$s",
				  "validFrom": "1997-01-01"},
				 {"code": "%1$s", "name": "Tỉnh Thử Nghiệm", "kind": "PROVINCE", "validFrom": "1997-01-01",
				  "contacts": {"person": "Nguyễn Văn Hùng", "email": "tinh@bacninh.gov.vn", "phone": "+84912345601"}}]"""
			.formatted(province, communeEmail);
	}

	private static String unitEvent(String code, String name, String occurredAt) {
		return """
				{"specversion": "1.0", "id": "ext-%1$s-%3$s", "source": "/test", "type": "%4$s",
				 "time": "%3$s", "subject": "%1$s", "datacontenttype": "application/json",
				 "data": {"unit": {"code": "%1$s", "name": "%2$s", "kind": "PROVINCE", "validFrom": "2026-01-01",
				   "contacts": {}}, "occurredAt": "%3$s"}}""".formatted(code, name, occurredAt,
				EventTypes.UNIT_CHANGED_V1);
	}

	private MvcTestResult put(String body) {
		return this.mvc.put()
			.uri("/api/v1/units")
			.with(bearer(administrator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private void awaitUnit(String... codes) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String code : codes) {
				assertThat(this.mvc.get().uri("/api/v1/units/{code}", code).with(bearer(adminOf(code)))).hasStatusOk();
			}
		});
	}

	private static Map<String, Integer> answer(MvcTestResult result) {
		JsonNode answer = json.readTree(result.getResponse().getContentAsByteArray());
		return Map.of("registered", answer.get("registered").asInt(), "changed", answer.get("changed").asInt(),
				"unchanged", answer.get("unchanged").asInt());
	}

	private static List<String> fields(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray())
			.get("errors")
			.valueStream()
			.map((error) -> error.get("field").asString())
			.toList();
	}

}
