package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitDetails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static vn.gov.cchc.plan.TestCallers.adminOf;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * A small province taken through the reform of 1 July 2025 through the API alone: three
 * levels until 30 June 2025 (province, two districts, five communes), then two (the
 * districts end, four communes are merged pairwise into two new ones, one commune is kept
 * and moved under the province). The tree read for any day is the tree of that day, from
 * the API, from {@link Units}, and from {@code cchc.units} alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitTreeByDateIntegrationTests extends UnitApiTest {

	private static final String BEFORE = "2025-06-30";

	private static final String REFORM = "2025-07-01";

	@Autowired
	private Units units;

	@BeforeAll
	void takeTheProvinceThroughTheReform() {
		assertThat(put("""
				[{"code": "UT1", "name": "Tỉnh Quảng Ngãi Thử", "kind": "PROVINCE", "validFrom": "1997-01-01",
				  "contacts": {"person": "Nguyễn Văn Hùng", "email": "ubnd@quangngai.gov.vn", "phone": "0912345601"}},
				 {"code": "UT1.BS", "name": "Huyện Bình Sơn", "kind": "DISTRICT", "parentCode": "UT1",
				  "validFrom": "1997-01-01"},
				 {"code": "UT1.ST", "name": "Huyện Sơn Tịnh", "kind": "DISTRICT", "parentCode": "UT1",
				  "validFrom": "1997-01-01"},
				 {"code": "UT1.BS.01", "name": "Xã Bình Hải", "kind": "COMMUNE", "parentCode": "UT1.BS",
				  "validFrom": "1997-01-01", "groups": {"commune-radio-stations": 1}},
				 {"code": "UT1.BS.02", "name": "Xã Bình Trị", "kind": "COMMUNE", "parentCode": "UT1.BS",
				  "validFrom": "1997-01-01", "groups": {"commune-radio-stations": 1, "commune-post-offices": 1}},
				 {"code": "UT1.BS.03", "name": "Xã Bình Châu", "kind": "COMMUNE", "parentCode": "UT1.BS",
				  "validFrom": "1997-01-01", "groups": {"commune-radio-stations": 1}},
				 {"code": "UT1.ST.01", "name": "Xã Tịnh Hà", "kind": "COMMUNE", "parentCode": "UT1.ST",
				  "validFrom": "1997-01-01"},
				 {"code": "UT1.ST.02", "name": "Xã Tịnh Sơn", "kind": "COMMUNE", "parentCode": "UT1.ST",
				  "validFrom": "1997-01-01"}]""")).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits("UT1", "UT1.BS", "UT1.ST", "UT1.BS.01", "UT1.BS.02", "UT1.BS.03", "UT1.ST.01", "UT1.ST.02");

		assertThat(post(UnitApi.MERGE, """
				{"predecessorCodes": ["UT1.BS.01", "UT1.BS.02"], "effectiveOn": "2025-07-01",
				 "successor": {"code": "UT1.N01", "name": "Xã Vạn Tường", "kind": "COMMUNE", "parentCode": "UT1",
				   "groups": {"commune-radio-stations": 1, "commune-post-offices": 1},
				   "contacts": {"email": "vantuong@quangngai.gov.vn"}}}""")).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post(UnitApi.MERGE, """
				{"predecessorCodes": ["UT1.ST.01", "UT1.ST.02"], "effectiveOn": "2025-07-01",
				 "successor": {"code": "UT1.N02", "name": "Xã Thọ Phong", "kind": "COMMUNE", "parentCode": "UT1",
				   "validFrom": "2025-07-01"}}""")).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post("/api/v1/units/UT1.BS.03:move", """
				{"parentCode": "UT1", "effectiveOn": "2025-07-01"}""")).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits((unit) -> "UT1".equals(text(unit.get("parentCode"))), "UT1.BS.03");
		awaitUnits((unit) -> !unit.get("validTo").isNull(), "UT1.BS.01", "UT1.BS.02", "UT1.ST.01", "UT1.ST.02");
		awaitUnits("UT1.N01", "UT1.N02");

		// With their communes gone the districts can end: no unit is left without a
		// parent.
		assertThat(put("""
				[{"code": "UT1.BS", "name": "Huyện Bình Sơn", "kind": "DISTRICT", "parentCode": "UT1",
				  "validFrom": "1997-01-01", "validTo": "2025-06-30"},
				 {"code": "UT1.ST", "name": "Huyện Sơn Tịnh", "kind": "DISTRICT", "parentCode": "UT1",
				  "validFrom": "1997-01-01", "validTo": "2025-06-30"}]""")).hasStatus(HttpStatus.ACCEPTED);
		awaitUnits((unit) -> !unit.get("validTo").isNull(), "UT1.BS", "UT1.ST");
	}

	@Test
	void showsTheThreeLevelTreeOnTheLastDayBeforeTheReform() {
		assertThat(treeOn(BEFORE, "UT1")).containsOnly(entry("UT1", null), entry("UT1.BS", "UT1"),
				entry("UT1.ST", "UT1"), entry("UT1.BS.01", "UT1.BS"), entry("UT1.BS.02", "UT1.BS"),
				entry("UT1.BS.03", "UT1.BS"), entry("UT1.ST.01", "UT1.ST"), entry("UT1.ST.02", "UT1.ST"));
		assertThat(treeOn("2001-01-01", "UT1")).isEqualTo(treeOn(BEFORE, "UT1"));
	}

	@Test
	void showsTheTwoLevelTreeFromTheReformOn() {
		Map<String, @Nullable String> after = treeOn(REFORM, "UT1");

		assertThat(after).containsOnly(entry("UT1", null), entry("UT1.BS.03", "UT1"), entry("UT1.N01", "UT1"),
				entry("UT1.N02", "UT1"));
		assertThat(treeOn("2030-12-31", "UT1")).isEqualTo(after);
	}

	@Test
	void showsTodaysTreeInVietnamWhenNoDayIsNamed() {
		String today = LocalDate.now(UnitApi.ZONE).toString();

		JsonNode tree = getAs(adminOf("UT1"), "/api/v1/units");

		assertThat(tree.valueStream().map((unit) -> unit.get("on").asString()).distinct()).containsExactly(today);
		assertThat(tree.valueStream()
			.map((unit) -> unit.get("code").asString())
			.filter((code) -> isUnder(code, "UT1"))
			.toList()).containsExactlyInAnyOrder("UT1", "UT1.BS.03", "UT1.N01", "UT1.N02");
	}

	@Test
	void reflectsAMergeFromItsEffectiveDayAndNotBefore() {
		JsonNode before = getAs(adminOf("UT1"), "/api/v1/units?on={day}", BEFORE);
		JsonNode after = getAs(adminOf("UT1"), "/api/v1/units?on={day}", REFORM);

		assertThat(codes(before)).contains("UT1.BS.01", "UT1.BS.02").doesNotContain("UT1.N01");
		assertThat(codes(after)).contains("UT1.N01").doesNotContain("UT1.BS.01", "UT1.BS.02");
		JsonNode predecessor = get("/api/v1/units/UT1.BS.01");
		assertThat(predecessor.get("validTo").asString()).isEqualTo(BEFORE);
		assertThat(predecessor.get("successorCodes").valueStream().map(JsonNode::asString)).containsExactly("UT1.N01");
		JsonNode successor = get("/api/v1/units/UT1.N01");
		assertThat(successor.get("validFrom").asString()).isEqualTo(REFORM);
		assertThat(successor.get("predecessorCodes").valueStream().map(JsonNode::asString)).containsExactly("UT1.BS.01",
				"UT1.BS.02");
		assertThat(successor.get("groups").get("commune-post-offices").asInt()).isEqualTo(1);
		assertThat(successor.get("contacts").get("email").asString()).isEqualTo("vantuong@quangngai.gov.vn");
	}

	@Test
	void keepsTheKeptCommunesEarlierDistrictInItsHistory() {
		JsonNode kept = get("/api/v1/units/UT1.BS.03?on={day}", BEFORE);

		assertThat(kept.get("parentCode").asString()).isEqualTo("UT1");
		assertThat(kept.get("parentCodeOn").asString()).isEqualTo("UT1.BS");
		assertThat(kept.get("parentHistory")).singleElement().satisfies((period) -> {
			assertThat(period.get("parentCode").asString()).isEqualTo("UT1.BS");
			assertThat(period.get("from").asString()).isEqualTo("1997-01-01");
			assertThat(period.get("to").asString()).isEqualTo(BEFORE);
		});
		assertThat(get("/api/v1/units/UT1.BS.03?on={day}", REFORM).get("parentCodeOn").asString()).isEqualTo("UT1");
		assertThat(get("/api/v1/units/UT1.BS.01?on={day}", REFORM).get("parentCodeOn").isNull()).isTrue();
	}

	@Test
	void listsTheChildrenEachUnitHadOnTheDay() {
		assertThat(codes(get("/api/v1/units/UT1/children?on={day}", BEFORE))).containsExactly("UT1.BS", "UT1.ST");
		assertThat(codes(get("/api/v1/units/UT1/children?on={day}", REFORM))).containsExactly("UT1.BS.03", "UT1.N01",
				"UT1.N02");
		JsonNode communes = get("/api/v1/units/UT1.BS/children?on={day}", BEFORE);
		assertThat(codes(communes)).containsExactly("UT1.BS.01", "UT1.BS.02", "UT1.BS.03");
		assertThat(communes.valueStream().map((unit) -> unit.get("parentCode").asString())).containsOnly("UT1.BS");
		assertThat(codes(get("/api/v1/units/UT1.BS/children?on={day}", REFORM))).isEmpty();
		MvcTestResult unknown = this.mvc.get()
			.uri("/api/v1/units/UT1.XX/children")
			.with(bearer(adminOf("UT1.XX")))
			.exchange();
		assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersExistenceAncestryAndChildrenByDay() {
		LocalDate before = LocalDate.parse(BEFORE);
		LocalDate reform = LocalDate.parse(REFORM);

		assertThat(this.units.existedOn("UT1.BS.01", before)).isTrue();
		assertThat(this.units.existedOn("UT1.BS.01", reform)).isFalse();
		assertThat(this.units.existedOn("UT1.N01", before)).isFalse();
		assertThat(this.units.existedOn("UT1.N01", reform)).isTrue();
		assertThat(this.units.existedOn("UT1.NOPE", reform)).isFalse();

		assertThat(this.units.isWithin("UT1.BS.03", "UT1.BS", before)).isTrue();
		assertThat(this.units.isWithin("UT1.BS.03", "UT1.BS", reform)).isFalse();
		assertThat(this.units.isWithin("UT1.BS.03", "UT1", reform)).isTrue();
		assertThat(this.units.isWithin("UT1.BS.01", "UT1", before)).isTrue();
		assertThat(this.units.isWithin("UT1.ST.01", "UT1.BS", before)).isFalse();
		assertThat(this.units.isWithin("UT1.N01", "UT1.N01", reform)).isTrue();
		assertThat(this.units.isWithin("UT1", "UT1.BS", before)).isFalse();

		assertThat(this.units.childrenOn("UT1", reform)).extracting(UnitDetails::code)
			.containsExactly("UT1.BS.03", "UT1.N01", "UT1.N02");
		assertThat(this.units.childrenOn("UT1.ST", before)).extracting(UnitDetails::code)
			.containsExactly("UT1.ST.01", "UT1.ST.02");
	}

	@Test
	void publishesEachMergeBeforeTheStatesItConcerns() {
		List<ConsumerRecord<String, String>> records = unitRecords("UT1");

		List<ConsumerRecord<String, String>> successor = records.stream()
			.filter((record) -> record.key().equals("UT1.N01"))
			.toList();
		assertThat(successor).extracting(UnitApiTest::type)
			.containsExactly(EventTypes.UNITS_MERGED_V1, EventTypes.UNIT_REGISTERED_V1);
		JsonNode merged = json.readTree(successor.get(0).value());
		assertThat(merged.get("subject").asString()).isEqualTo("UT1.N01");
		assertThat(merged.get("data").get("successorCode").asString()).isEqualTo("UT1.N01");
		assertThat(merged.get("data").get("effectiveOn").asString()).isEqualTo(REFORM);
		assertThat(merged.get("data").get("predecessorCodes").valueStream().map(JsonNode::asString))
			.containsExactly("UT1.BS.01", "UT1.BS.02");
		for (String predecessor : List.of("UT1.BS.01", "UT1.BS.02")) {
			ConsumerRecord<String, String> closed = records.stream()
				.filter((record) -> record.key().equals(predecessor))
				.reduce((first, second) -> second)
				.orElseThrow();
			assertThat(type(closed)).isEqualTo(EventTypes.UNIT_CHANGED_V1);
			assertThat(closed.timestamp()).isGreaterThanOrEqualTo(successor.get(0).timestamp());
			assertThat(json.readTree(closed.value()).get("data").get("unit").get("validTo").asString())
				.isEqualTo(BEFORE);
		}
	}

	@Test
	void rebuildsTheSameTreeFromTheTopicAloneAsTheApiShows() {
		// What compaction keeps: the newest record of every code.
		Map<String, ConsumerRecord<String, String>> newest = new LinkedHashMap<>();
		unitRecords("UT1").forEach((record) -> newest.put(record.key(), record));
		Map<String, UnitDetails> rebuilt = new HashMap<>();
		newest.forEach((code, record) -> {
			assertThat(type(record)).as("newest record of %s", code)
				.isIn(EventTypes.UNIT_REGISTERED_V1, EventTypes.UNIT_CHANGED_V1);
			rebuilt.put(code,
					json.treeToValue(json.readTree(record.value()).get("data").get("unit"), UnitDetails.class));
		});

		for (String day : List.of(BEFORE, REFORM)) {
			Map<String, @Nullable String> fromTopic = new HashMap<>();
			rebuilt.values()
				.stream()
				.filter((unit) -> unit.validOn(LocalDate.parse(day)))
				.forEach((unit) -> fromTopic.put(unit.code(), unit.parentOn(LocalDate.parse(day))));
			assertThat(fromTopic).as("tree on %s", day).isEqualTo(treeOn(day, "UT1"));
		}
	}

	private static List<String> codes(JsonNode units) {
		return units.valueStream().map((unit) -> unit.get("code").asString()).toList();
	}

}
