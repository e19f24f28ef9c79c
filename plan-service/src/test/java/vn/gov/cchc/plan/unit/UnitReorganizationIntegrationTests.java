package vn.gov.cchc.plan.unit;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.events.EventTypes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Splits, moves and the merges the tree cannot take, through the API against a real
 * {@code cchc.units}. Each test has its own province.
 */
class UnitReorganizationIntegrationTests extends UnitApiTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void splitsAUnitIntoNewOnesFromItsEffectiveDay() {
		registerProvinceWithDistricts("UT2", "UT2.D");
		double splitsSeen = this.meters.counter("cchc.units.reorganizations", "type", "split").count();

		MvcTestResult split = post(UnitApi.SPLIT, """
				{"predecessorCode": "UT2.D", "effectiveOn": "2020-01-01",
				 "successors": [
				   {"code": "UT2.DA", "name": "Thị xã Đức Phổ", "kind": "DISTRICT", "parentCode": "UT2"},
				   {"code": "UT2.DB", "name": "Huyện Ba Tơ", "kind": "DISTRICT", "parentCode": "UT2",
				    "validFrom": "2020-01-01"}]}""");

		assertThat(split).hasStatus(HttpStatus.ACCEPTED);
		JsonNode answer = body(split);
		assertThat(answer.get("registered").asInt()).isEqualTo(2);
		assertThat(answer.get("changed").asInt()).isEqualTo(1);
		assertThat(answer.get("successorCodes").valueStream().map(JsonNode::asString)).containsExactly("UT2.DA",
				"UT2.DB");
		awaitUnits("UT2.DA", "UT2.DB");
		awaitUnits((unit) -> !unit.get("validTo").isNull(), "UT2.D");
		assertThat(treeOn("2019-12-31", "UT2")).containsOnly(entry("UT2", null), entry("UT2.D", "UT2"));
		assertThat(treeOn("2020-01-01", "UT2")).containsOnly(entry("UT2", null), entry("UT2.DA", "UT2"),
				entry("UT2.DB", "UT2"));
		assertThat(get("/api/v1/units/UT2.DB").get("predecessorCodes").valueStream().map(JsonNode::asString))
			.containsExactly("UT2.D");
		assertThat(get("/api/v1/units/UT2.D").get("successorCodes").valueStream().map(JsonNode::asString))
			.containsExactly("UT2.DA", "UT2.DB");
		List<ConsumerRecord<String, String>> predecessor = unitRecords("UT2.D").stream()
			.filter((record) -> record.key().equals("UT2.D"))
			.toList();
		assertThat(predecessor).extracting(UnitApiTest::type)
			.containsExactly(EventTypes.UNIT_REGISTERED_V1, EventTypes.UNITS_SPLIT_V1, EventTypes.UNIT_CHANGED_V1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.meters.counter("cchc.units.reorganizations", "type", "split").count() > splitsSeen);
	}

	@Test
	void movesAUnitAndKeepsItsEarlierParentsInItsHistory() {
		registerProvinceWithDistricts("UT3", "UT3.A", "UT3.B");
		assertThat(put("""
				[{"code": "UT3.A.1", "name": "Xã Nghĩa Hà", "kind": "COMMUNE", "parentCode": "UT3.A",
				  "validFrom": "2000-01-01"}]""")).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits("UT3.A.1");

		MvcTestResult moved = post("/api/v1/units/UT3.A.1:move", """
				{"parentCode": "UT3.B", "effectiveOn": "2024-01-01"}""");

		assertThat(moved).hasStatus(HttpStatus.ACCEPTED);
		assertThat(body(moved).get("parentCode").asString()).isEqualTo("UT3.B");
		awaitUnits((unit) -> "UT3.B".equals(text(unit.get("parentCode"))), "UT3.A.1");
		assertThat(codes(get("/api/v1/units/UT3.A/children?on=2023-12-31"))).containsExactly("UT3.A.1");
		assertThat(codes(get("/api/v1/units/UT3.A/children?on=2024-01-01"))).isEmpty();
		assertThat(codes(get("/api/v1/units/UT3.B/children?on=2024-01-01"))).containsExactly("UT3.A.1");

		assertThat(post("/api/v1/units/UT3.A.1:move", """
				{"parentCode": "UT3.A", "effectiveOn": "2025-01-01"}""")).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits((unit) -> "UT3.A".equals(text(unit.get("parentCode"))), "UT3.A.1");
		JsonNode history = get("/api/v1/units/UT3.A.1").get("parentHistory");
		assertThat(history.valueStream()
			.map((period) -> period.get("parentCode").asString() + " " + period.get("from").asString() + ".."
					+ period.get("to").asString()))
			.containsExactly("UT3.A 2000-01-01..2023-12-31", "UT3.B 2024-01-01..2024-12-31");
		assertThat(treeOn("2024-06-30", "UT3.A.1")).containsOnly(entry("UT3.A.1", "UT3.B"));
		assertThat(treeOn("2025-01-01", "UT3.A.1")).containsOnly(entry("UT3.A.1", "UT3.A"));
	}

	@Test
	void refusesAMoveThatCannotBe() {
		registerProvinceWithDistricts("UT7", "UT7.A", "UT7.B");
		assertThat(put("""
				[{"code": "UT7.A.1", "name": "Xã Phổ An", "kind": "COMMUNE", "parentCode": "UT7.A",
				  "validFrom": "2000-01-01"}]""")).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits("UT7.A.1");
		long before = topic("cchc.units").size();

		assertThat(fields(post("/api/v1/units/UT7.A.1:move", "{}"))).containsExactlyInAnyOrder("parentCode",
				"effectiveOn");
		MvcTestResult sameDay = post("/api/v1/units/UT7.A.1:move", """
				{"parentCode": "UT7.B", "effectiveOn": "2000-01-01"}""");
		assertThat(sameDay).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(fields(sameDay)).containsExactly("effectiveOn");
		MvcTestResult underItsOwnCommune = post("/api/v1/units/UT7.A:move", """
				{"parentCode": "UT7.A.1", "effectiveOn": "2020-01-01"}""");
		assertThat(underItsOwnCommune).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(fields(underItsOwnCommune)).containsExactly("parentCode");
		assertThat(post("/api/v1/units/UT7.NONE:move", """
				{"parentCode": "UT7.B", "effectiveOn": "2020-01-01"}""")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post("/api/v1/units/UT7.A.1:move", """
				{"parentCode": "UT7.A", "effectiveOn": "2020-01-01"}""")).hasStatus(HttpStatus.ACCEPTED);
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void refusesToEndAUnitThatStillHasChildrenAndNamesThem() {
		registerProvinceWithDistricts("UT4", "UT4.D", "UT4.E");
		assertThat(put("""
				[{"code": "UT4.D.1", "name": "Xã Hành Thiện", "kind": "COMMUNE", "parentCode": "UT4.D",
				  "validFrom": "1997-01-01"},
				 {"code": "UT4.D.2", "name": "Xã Hành Tín Đông", "kind": "COMMUNE", "parentCode": "UT4.D",
				  "validFrom": "1997-01-01", "validTo": "2030-12-31"},
				 {"code": "UT4.D.3", "name": "Xã Hành Dũng", "kind": "COMMUNE", "parentCode": "UT4.D",
				  "validFrom": "1997-01-01", "validTo": "2010-12-31"}]""")).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits("UT4.D.1", "UT4.D.2", "UT4.D.3");
		long before = topic("cchc.units").size();

		MvcTestResult merge = post(UnitApi.MERGE, """
				{"predecessorCodes": ["UT4.D", "UT4.E"], "effectiveOn": "2025-07-01",
				 "successor": {"code": "UT4.N", "name": "Huyện Nghĩa Hành mới", "kind": "DISTRICT",
				   "parentCode": "UT4"}}""");

		assertThat(merge).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = body(merge);
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/unit-has-children");
		assertThat(problem.get("errors")).singleElement().satisfies((error) -> {
			assertThat(error.get("field").asString()).isEqualTo("predecessorCodes[0]");
			assertThat(error.get("message").asString()).contains("UT4.D.1 (Xã Hành Thiện)")
				.contains("UT4.D.2")
				.doesNotContain("UT4.D.3");
		});
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void refusesAMergeOfUnitsThatAreNotThereOnTheDayBefore() {
		registerProvinceWithDistricts("UT5", "UT5.A");
		assertThat(put("""
				[{"code": "UT5.OLD", "name": "Huyện cũ", "kind": "DISTRICT", "parentCode": "UT5",
				  "validFrom": "1997-01-01", "validTo": "2010-12-31"}]""")).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits("UT5.OLD");
		long before = topic("cchc.units").size();

		MvcTestResult merge = post(UnitApi.MERGE, """
				{"predecessorCodes": ["UT5.OLD", "UT5.NOWHERE", "UT5.A"], "effectiveOn": "2025-07-01",
				 "successor": {"code": "UT5.N", "name": "Huyện mới", "kind": "DISTRICT", "parentCode": "UT5.GONE"}}""");
		MvcTestResult codeTaken = post(UnitApi.MERGE, """
				{"predecessorCodes": ["UT5.A"], "effectiveOn": "2025-07-01",
				 "successor": {"code": "UT5", "name": "Tỉnh mới", "kind": "PROVINCE"}}""");
		MvcTestResult unreadable = post(UnitApi.MERGE,
				"""
						{"predecessorCodes": ["ut5.a"],
						 "successor": {"code": "UT5.N", "name": "Huyện mới", "parentCode": "UT5", "validFrom": "2025-01-01"}}""");

		assertThat(merge).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(fields(merge)).containsExactlyInAnyOrder("predecessorCodes[0]", "predecessorCodes[1]",
				"successor.parentCode");
		assertThat(codeTaken).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(codeTaken).get("type").asString()).endsWith("/unit-code-reused");
		assertThat(fields(codeTaken)).containsExactly("successor.code");
		assertThat(unreadable).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(fields(unreadable)).containsExactlyInAnyOrder("effectiveOn", "predecessorCodes[0]",
				"successor.kind");
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	@Test
	void takesTheSameMergeAgainWithoutPublishingAndRefusesASecondSuccessor() {
		registerProvinceWithDistricts("UT6", "UT6.C1", "UT6.C2");
		String merge = """
				{"predecessorCodes": ["UT6.C1", "UT6.C2"], "effectiveOn": "2025-07-01",
				 "successor": {"code": "UT6.N", "name": "Phường Trương Quang Trọng", "kind": "DISTRICT",
				   "parentCode": "UT6"}}""";
		assertThat(post(UnitApi.MERGE, merge)).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits("UT6.N");
		awaitUnits((unit) -> !unit.get("validTo").isNull(), "UT6.C1", "UT6.C2");
		long before = topic("cchc.units").size();

		MvcTestResult again = post(UnitApi.MERGE, merge);
		MvcTestResult elsewhere = post(UnitApi.MERGE, """
				{"predecessorCodes": ["UT6.C1"], "effectiveOn": "2025-07-01",
				 "successor": {"code": "UT6.M", "name": "Phường khác", "kind": "DISTRICT", "parentCode": "UT6"}}""");

		assertThat(again).hasStatus(HttpStatus.ACCEPTED);
		assertThat(body(again).get("unchanged").asInt()).isEqualTo(3);
		assertThat(body(again).get("registered").asInt() + body(again).get("changed").asInt()).isZero();
		assertThat(elsewhere).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(elsewhere).get("type").asString()).endsWith("/unit-already-ended");
		assertThat(fields(elsewhere)).containsExactly("predecessorCodes[0]");
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	private void registerProvinceWithDistricts(String province, String... districts) {
		StringBuilder batch = new StringBuilder("""
				[{"code": "%s", "name": "Tỉnh Thử Nghiệm %s", "kind": "PROVINCE", "validFrom": "1997-01-01"}"""
			.formatted(province, province));
		for (String district : districts) {
			batch.append("""
					,{"code": "%s", "name": "Huyện %s", "kind": "DISTRICT", "parentCode": "%s",
					  "validFrom": "1997-01-01"}""".formatted(district, district, province));
		}
		assertThat(put(batch.append("]").toString())).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits(province);
		awaitUnits(districts);
	}

	private static List<String> codes(JsonNode units) {
		return units.valueStream().map((unit) -> unit.get("code").asString()).toList();
	}

}
