package vn.gov.cchc.plan.plan;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plan bodies as clients send them, shaped like Bắc Ninh's 22/KH-UBND: a radio column led
 * by the provincial radio station with Sở Nội vụ taking part, a public posting done by
 * every commune, a coverage and an index target, 6-month and annual reports to Sở Nội vụ.
 */
public final class PlanJson {

	public static final JsonMapper json = JsonMapper.builder().build();

	private PlanJson() {
	}

	/**
	 * A province, its Sở Nội vụ ({@code <province>.SNV}) and its radio and television
	 * station ({@code <province>.PTTH}), as a {@code PUT /api/v1/units} body.
	 */
	public static String provinceUnits(String province) {
		return """
				[{"code": "%1$s", "name": "Tỉnh Thử Nghiệm %1$s", "kind": "PROVINCE", "validFrom": "1997-01-01"},
				 {"code": "%1$s.SNV", "name": "Sở Nội vụ tỉnh %1$s", "kind": "DEPARTMENT", "parentCode": "%1$s",
				  "validFrom": "1997-01-01"},
				 {"code": "%1$s.PTTH", "name": "Đài Phát thanh và Truyền hình tỉnh %1$s", "kind": "AGENCY",
				  "parentCode": "%1$s", "validFrom": "1997-01-01"}]""".formatted(province);
	}

	/** A valid one-year plan of the province registered by {@link #provinceUnits}. */
	public static ObjectNode yearPlan(String province, int year) {
		return (ObjectNode) json.readTree("""
				{"number": "22/KH-UBND",
				 "title": "Kế hoạch tuyên truyền cải cách hành chính năm %2$d",
				 "issuerCode": "%1$s",
				 "from": "%2$d-01-01", "to": "%2$d-12-31",
				 "basis": {"documents": ["Quyết định số 2074/QĐ-UBND ngày 20/12/2021"]},
				 "contentAreas": ["DIRECTION", "ADMINISTRATIVE_PROCEDURES", "E_GOVERNMENT"],
				 "activities": [
				  {"activityId": "HD01", "title": "Xây dựng chuyên mục cải cách hành chính trên sóng phát thanh",
				   "form": "RADIO", "contentAreas": ["ADMINISTRATIVE_PROCEDURES"],
				   "cadence": {"kind": "PER_WEEK", "times": 1, "minutesEach": 15,
				               "text": "Ít nhất 01 lần/tuần, mỗi lần tối thiểu 15 phút"},
				   "leadUnitCode": "%1$s.PTTH", "coordinatingUnitCodes": ["%1$s.SNV"],
				   "metrics": ["broadcasts", "minutes"], "expectedEvidence": ["LINK"], "budgetVnd": 12000000},
				  {"activityId": "HD02", "title": "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
				   "form": "PUBLIC_POSTING", "contentAreas": ["ADMINISTRATIVE_PROCEDURES"],
				   "cadence": {"kind": "CONTINUOUS", "text": "Thường xuyên trong năm"},
				   "leadUnitKinds": ["COMMUNE"], "leadLabel": "UBND các xã, phường, thị trấn",
				   "metrics": ["postings"], "expectedEvidence": ["PHOTO"]}],
				 "targets": [
				  {"targetId": "CT01", "description": "100%% xã niêm yết đầy đủ thủ tục hành chính",
				   "kind": "COVERAGE", "measure": "PERCENT", "comparison": "AT_LEAST", "value": 100,
				   "activityId": "HD02", "appliesTo": "COMMUNE", "metric": "postings"},
				  {"targetId": "CT02", "description": "Chỉ số SIPAS đạt tối thiểu 89,64%%",
				   "kind": "INDEX", "measure": "PERCENT", "comparison": "AT_LEAST", "value": 89.64,
				   "index": "SIPAS"}],
				 "budgetVnd": 12000000, "budgetNote": "Ngân sách tỉnh giao cho các đơn vị",
				 "reporting": {"periods": ["HALF_YEAR", "YEAR"], "cutOff": "DECREE_09_2019",
				  "deadlines": [{"period": "HALF_YEAR", "dueBefore": "--06-15"},
				                {"period": "YEAR", "dueBefore": "--11-20"}],
				  "receiverUnitCode": "%1$s.SNV",
				  "note": "Báo cáo 6 tháng trước ngày 15/6, báo cáo năm trước ngày 20/11 gửi Sở Nội vụ"}}
				""".formatted(province, year));
	}

	// Where the tables of bad plans break a valid plan.

	static ObjectNode basis(ObjectNode plan) {
		return (ObjectNode) plan.get("basis");
	}

	static ObjectNode activity(ObjectNode plan, int index) {
		return (ObjectNode) plan.get("activities").get(index);
	}

	static ObjectNode cadence(ObjectNode plan, int index) {
		return (ObjectNode) activity(plan, index).get("cadence");
	}

	static ObjectNode target(ObjectNode plan, int index) {
		return (ObjectNode) plan.get("targets").get(index);
	}

	static ObjectNode reporting(ObjectNode plan) {
		return (ObjectNode) plan.get("reporting");
	}

}
