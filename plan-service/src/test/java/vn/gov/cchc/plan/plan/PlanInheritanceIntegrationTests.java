package vn.gov.cchc.plan.plan;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lower unit's plan implements a higher one: derived from a Bình Sơn-style 2022–2025
 * province plan, a district's draft carries the activities and targets assigned to its
 * level, and the province sees which districts have issued their own plan.
 */
class PlanInheritanceIntegrationTests extends PlanApiIntegrationTest {

	private static final String UNITS = """
			[{"code": "PLI", "name": "Tỉnh Quảng Thử", "kind": "PROVINCE", "validFrom": "1997-01-01"},
			 {"code": "PLI.SNV", "name": "Sở Nội vụ tỉnh Quảng Thử", "kind": "DEPARTMENT", "parentCode": "PLI",
			  "validFrom": "1997-01-01"},
			 {"code": "PLI.D1", "name": "Huyện Bình Sơn", "kind": "DISTRICT", "parentCode": "PLI",
			  "validFrom": "1997-01-01", "validTo": "2025-06-30"},
			 {"code": "PLI.D2", "name": "Huyện Sơn Tịnh", "kind": "DISTRICT", "parentCode": "PLI",
			  "validFrom": "1997-01-01", "validTo": "2025-06-30"},
			 {"code": "PLI.D1.C1", "name": "Xã Bình Thạnh", "kind": "COMMUNE", "parentCode": "PLI.D1",
			  "validFrom": "1997-01-01", "validTo": "2025-06-30"},
			 {"code": "PLI.D2.C1", "name": "Xã Tịnh Hà", "kind": "COMMUNE", "parentCode": "PLI.D2",
			  "validFrom": "1997-01-01", "validTo": "2025-06-30"}]""";

	private static final String PROVINCE_PLAN = """
			{"number": "35/KH-UBND",
			 "title": "Kế hoạch tuyên truyền cải cách hành chính giai đoạn 2022–2025",
			 "issuerCode": "PLI", "from": "2022-01-01", "to": "2025-12-31",
			 "basis": {"documents": ["Quyết định số 2074/QĐ-UBND ngày 20/12/2021 của UBND tỉnh"]},
			 "contentAreas": ["DIRECTION", "INSTITUTIONS", "ADMINISTRATIVE_PROCEDURES", "APPARATUS",
			                  "CIVIL_SERVICE", "PUBLIC_FINANCE", "E_GOVERNMENT"],
			 "activities": [
			  {"activityId": "HD01", "title": "Đăng tải tin, bài về cải cách hành chính trên trang thông tin điện tử",
			   "form": "PORTAL", "cadence": {"kind": "CONTINUOUS"}, "leadUnitKinds": ["DISTRICT"],
			   "leadLabel": "UBND các huyện", "coordinatingUnitCodes": ["PLI.SNV"], "metrics": ["articles"],
			   "expectedEvidence": ["LINK"], "budgetVnd": 50000000},
			  {"activityId": "HD02", "title": "Phát chuyên mục cải cách hành chính trên đài truyền thanh xã",
			   "form": "RADIO", "cadence": {"kind": "PER_WEEK", "times": 1, "minutesEach": 15},
			   "leadUnitKinds": ["COMMUNE"], "leadLabel": "UBND các xã, thị trấn",
			   "metrics": ["broadcasts", "minutes"], "expectedEvidence": ["LINK"]},
			  {"activityId": "HD03", "title": "Trưng bày tài liệu cải cách hành chính tại điểm bưu điện văn hóa xã",
			   "form": "PRINTED_MATERIAL", "cadence": {"kind": "CONTINUOUS"}, "leadUnitKinds": ["COMMUNE"],
			   "metrics": ["post_offices"], "expectedEvidence": ["PHOTO"]},
			  {"activityId": "HD04", "title": "Theo dõi, tổng hợp kết quả tuyên truyền", "form": "OTHER",
			   "cadence": {"kind": "PER_YEAR", "times": 1}, "leadUnitCode": "PLI.SNV", "metrics": ["reports"]}],
			 "targets": [
			  {"targetId": "CT01", "description": "100% cổng/trang thông tin điện tử của các cơ quan, đơn vị đăng tải tin, bài về cải cách hành chính",
			   "kind": "COVERAGE", "measure": "PERCENT", "comparison": "AT_LEAST", "value": 100,
			   "activityId": "HD01", "appliesTo": "DISTRICT", "group": "agency-portals", "metric": "articles"},
			  {"targetId": "CT02", "description": "100% đài truyền thanh xã có chuyên mục về cải cách hành chính",
			   "kind": "COVERAGE", "measure": "PERCENT", "comparison": "AT_LEAST", "value": 100,
			   "activityId": "HD02", "appliesTo": "COMMUNE", "group": "commune-radio-stations", "metric": "broadcasts"},
			  {"targetId": "CT03", "description": "90% điểm bưu điện văn hóa xã có tài liệu tuyên truyền cải cách hành chính",
			   "kind": "COVERAGE", "measure": "PERCENT", "comparison": "AT_LEAST", "value": 90,
			   "activityId": "HD03", "appliesTo": "COMMUNE", "group": "commune-post-offices"},
			  {"targetId": "CT04", "description": "Chỉ số PAR INDEX của tỉnh tăng ít nhất 5 bậc",
			   "kind": "INDEX", "measure": "RANK_INCREASE", "comparison": "AT_LEAST", "value": 5,
			   "appliesTo": "PROVINCE", "index": "PAR INDEX"}],
			 "budgetVnd": 50000000,
			 "reporting": {"periods": ["HALF_YEAR", "YEAR"],
			  "deadlines": [{"period": "HALF_YEAR", "level": "DISTRICT", "dueBefore": "--06-10"},
			                {"period": "YEAR", "level": "DISTRICT", "dueBefore": "--11-15"}],
			  "receiverUnitCode": "PLI.SNV"}}""";

	@Test
	void aDistrictPlanDerivedFromTheProvincePlanCarriesTheWorkOfItsLevelAndTheProvinceSeesWhoHasNotIssued() {
		registerUnits(UNITS, "PLI", "PLI.SNV", "PLI.D1", "PLI.D2", "PLI.D1.C1", "PLI.D2.C1");
		String provincePlan = "PLI-KH-2022-2025";
		assertThat(put(provincePlan, PROVINCE_PLAN)).hasStatus(HttpStatus.CREATED);
		assertThat(post(provincePlan, "derive", "{\"planId\": \"PLI-D1-KH\", \"issuerCode\": \"PLI.D1\"}"))
			.as("a draft cannot be implemented yet")
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(post(provincePlan, "issue", "{\"issuedOn\": \"2022-01-20\"}")).hasStatusOk();

		MvcTestResult derived = post(provincePlan, "derive", """
				{"planId": "PLI-D1-KH", "issuerCode": "PLI.D1", "number": "12/KH-UBND",
				 "title": "Kế hoạch tuyên truyền cải cách hành chính huyện Bình Sơn giai đoạn 2022–2025"}""");

		assertThat(derived).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/v1/plans/PLI-D1-KH");
		JsonNode district = body(derived).get("plan");
		assertThat(body(derived).get("status").asString()).isEqualTo("DRAFT");
		assertThat(district.get("issuerCode").asString()).isEqualTo("PLI.D1");
		assertThat(district.get("number").asString()).isEqualTo("12/KH-UBND");
		assertThat(district.get("from").asString()).isEqualTo("2022-01-01");
		assertThat(district.get("to").asString()).isEqualTo("2025-12-31");
		assertThat(district.get("basis").get("parentPlanId").asString()).isEqualTo(provincePlan);
		assertThat(district.get("basis").get("documents").get(0).asString())
			.isEqualTo("Kế hoạch số 35/KH-UBND ngày 20/01/2022 của Tỉnh Quảng Thử");
		assertThat(district.get("contentAreas")).hasSize(7);
		assertThat(ids(district.get("activities"), "activityId")).containsExactly("HD01", "HD02", "HD03");
		assertThat(ids(district.get("activities"), "inheritedFrom")).containsExactly(provincePlan + "/HD01",
				provincePlan + "/HD02", provincePlan + "/HD03");
		JsonNode portal = district.get("activities").get(0);
		assertThat(portal.get("leadUnitCode").asString()).as("the district leads its own portal work")
			.isEqualTo("PLI.D1");
		assertThat(portal.get("leadUnitKinds")).isEmpty();
		assertThat(portal.get("budgetVnd").asLong()).isZero();
		assertThat(district.get("activities").get(1).get("leadUnitKinds").get(0).asString())
			.as("the communes' work is passed on to the district's communes")
			.isEqualTo("COMMUNE");
		assertThat(ids(district.get("targets"), "targetId")).containsExactly("CT01", "CT02", "CT03");
		assertThat(ids(district.get("targets"), "inheritedFrom")).containsExactly(provincePlan + "/CT01",
				provincePlan + "/CT02", provincePlan + "/CT03");
		assertThat(district.get("targets").get(2).get("value").decimalValue()).isEqualByComparingTo("90");
		assertThat(district.get("targets").get(1).get("group").asString()).isEqualTo("commune-radio-stations");

		assertThat(post("PLI-D1-KH", "issue", "{\"issuedOn\": \"2022-02-15\"}")).hasStatusOk();
		assertThat(post(provincePlan, "derive", "{\"planId\": \"PLI-D2-KH\", \"issuerCode\": \"PLI.D2\"}"))
			.hasStatus(HttpStatus.CREATED);

		MvcTestResult implementation = get("/api/v1/plans/{planId}/implementation?on=2023-06-01", provincePlan);

		assertThat(implementation).hasStatusOk();
		JsonNode report = body(implementation);
		assertThat(report.get("issuerCode").asString()).isEqualTo("PLI");
		assertThat(ids(report.get("issued"), "unitCode")).containsExactly("PLI.D1");
		assertThat(report.get("issued").get(0).get("planId").asString()).isEqualTo("PLI-D1-KH");
		assertThat(report.get("issued").get(0).get("status").asString()).isEqualTo("ISSUED");
		assertThat(ids(report.get("notIssued"), "unitCode")).as("only a draft; Sở Nội vụ is given no plan of its own")
			.containsExactly("PLI.D2");
		assertThat(report.get("notIssued").get(0).get("name").asString()).isEqualTo("Huyện Sơn Tịnh");
		assertThat(report.get("notIssued").get(0).get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void aCommunePlanDerivedFromTheDistrictPlanLeadsTheCommunesWorkItself() {
		registerUnits(UNITS, "PLI", "PLI.SNV", "PLI.D1", "PLI.D2", "PLI.D1.C1", "PLI.D2.C1");
		String provincePlan = "PLI-KH-CHAIN";
		assertThat(put(provincePlan, PROVINCE_PLAN)).hasStatus(HttpStatus.CREATED);
		assertThat(post(provincePlan, "issue", "{\"issuedOn\": \"2022-01-20\"}")).hasStatusOk();
		assertThat(post(provincePlan, "derive", "{\"planId\": \"PLI-D1-CHAIN\", \"issuerCode\": \"PLI.D1\"}"))
			.hasStatus(HttpStatus.CREATED);
		assertThat(post("PLI-D1-CHAIN", "issue", "{\"issuedOn\": \"2022-02-01\"}")).hasStatusOk();

		MvcTestResult commune = post("PLI-D1-CHAIN", "derive",
				"{\"planId\": \"PLI-D1-C1-CHAIN\", \"issuerCode\": \"PLI.D1.C1\"}");

		assertThat(commune).hasStatus(HttpStatus.CREATED);
		JsonNode plan = body(commune).get("plan");
		assertThat(ids(plan.get("activities"), "activityId")).containsExactly("HD02", "HD03");
		assertThat(ids(plan.get("activities"), "leadUnitCode")).containsOnly("PLI.D1.C1");
		assertThat(ids(plan.get("activities"), "inheritedFrom")).containsExactly("PLI-D1-CHAIN/HD02",
				"PLI-D1-CHAIN/HD03");
		assertThat(ids(plan.get("targets"), "targetId")).containsExactly("CT02", "CT03");
	}

	@Test
	void derivingForAUnitOutsideTheIssuerOrUnderATakenIdIsRefused() {
		registerUnits(UNITS, "PLI", "PLI.SNV", "PLI.D1", "PLI.D2", "PLI.D1.C1", "PLI.D2.C1");
		String provincePlan = "PLI-KH-REFUSED";
		assertThat(put(provincePlan, PROVINCE_PLAN)).hasStatus(HttpStatus.CREATED);
		assertThat(post(provincePlan, "issue", "{\"issuedOn\": \"2022-01-20\"}")).hasStatusOk();
		assertThat(post(provincePlan, "derive", "{\"planId\": \"PLI-D1-REFUSED\", \"issuerCode\": \"PLI.D1\"}"))
			.hasStatus(HttpStatus.CREATED);
		assertThat(post("PLI-D1-REFUSED", "issue", "{\"issuedOn\": \"2022-02-01\"}")).hasStatusOk();

		assertThat(post("PLI-D1-REFUSED", "derive", "{\"planId\": \"PLI-X\", \"issuerCode\": \"PLI.D2.C1\"}"))
			.as("a commune of another district")
			.hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("issuerCode");
		assertThat(post(provincePlan, "derive", "{\"planId\": \"PLI-D1-REFUSED\", \"issuerCode\": \"PLI.D1\"}"))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/plan-exists");
		assertThat(post(provincePlan, "derive", "{\"issuerCode\": \"PLI.D2\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("planId");
		assertThat(stored("PLI-X")).isNull();
	}

	private static List<String> ids(JsonNode array, String field) {
		return array.valueStream().map((item) -> item.get(field).asString()).toList();
	}

}
