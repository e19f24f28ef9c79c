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
		JsonNode commune = json
			.readTree(this.mvc.get().uri("/api/v1/units/91-D-C").exchange().getResponse().getContentAsByteArray());
		assertThat(commune.get("name").asString()).isEqualTo("Xã Thử Nghiệm");
		assertThat(commune.get("kind").asString()).isEqualTo("COMMUNE");
		assertThat(commune.get("parentCode").asString()).isEqualTo("91-D");
		assertThat(commune.get("validFrom").asString()).isEqualTo("2025-07-01");
		assertThat(commune.get("contacts").get("email").asString()).isEqualTo("xa-vu-ninh@bacninh.gov.vn");
		awaitUnit("91");
		assertThat(this.mvc.get().uri("/api/v1/units")).hasStatusOk()
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
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/api/v1/units/93-D-C")).bodyJson()
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
		assertThat(this.mvc.get().uri("/api/v1/units/POISON-1")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void ignoresAnEventOlderThanTheStoredState() {
		topic("cchc.units").send("95", unitEvent("95", "Tỉnh Mới", "2026-03-01T00:00:00Z"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/api/v1/units/95")).bodyJson()
				.extractingPath("$.name")
				.isEqualTo("Tỉnh Mới"));
		double staleBefore = this.meters.counter("cchc.units.stale").count();

		topic("cchc.units").send("95", unitEvent("95", "Tỉnh Cũ", "2026-02-01T00:00:00Z"));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.meters.counter("cchc.units.stale").count() > staleBefore);
		assertThat(this.mvc.get().uri("/api/v1/units/95")).bodyJson().extractingPath("$.name").isEqualTo("Tỉnh Mới");
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
		MvcTestResult result = this.mvc.get().uri("/api/v1/units/NO-SUCH-UNIT").exchange();

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://cchc.gov.vn/problems/unit-not-found");
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
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private void awaitUnit(String... codes) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String code : codes) {
				assertThat(this.mvc.get().uri("/api/v1/units/{code}", code)).hasStatusOk();
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
