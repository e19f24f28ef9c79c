package vn.gov.cchc.plan.unit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.events.EventTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.cchc.plan.TestCallers.administrator;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * {@code POST /api/v1/units:import} against a real {@code cchc.units}: every good row is
 * published, every bad row reported with its reasons, and nothing of a bad row reaches
 * the topic.
 */
class UnitImportIntegrationTests extends UnitApiTest {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

	private static final String FILE = """
			code,name,kind,parentCode,validFrom,validTo,contactPerson,email,phone,groups,predecessorCodes,successorCodes
			UT8,Tỉnh Bắc Ninh Thử,PROVINCE,,1997-01-01,,Nguyễn Văn Hùng,vpubnd@bacninh.gov.vn,0912345601,,,
			UT8.256,"Thành phố Bắc Ninh, tỉnh Bắc Ninh",DISTRICT,UT8,1997-01-01,,,,,,,
			UT8.256.01,"Phường Vũ Ninh (""cũ"")",COMMUNE,UT8.256,1997-01-01,2025-06-30,Ngô Quang Dũng,pvuninh@bacninh.gov.vn,0912345605,commune-radio-stations=1;commune-post-offices=1,,
			UT8.256.02,Phường Đáp Cầu,HAMLET,UT8.256,1997-01-01,,,,,,,
			UT8.256.03,,COMMUNE,UT8.256,1997-01-01,,,,,,,
			UT8.256.04,Phường Thị Cầu,COMMUNE,UT8.256,30/06/1997,,,,,,,
			UT8.256.05,Phường Suối Hoa,COMMUNE,UT8.999,1997-01-01,,,,,,,
			UT8.258,Huyện Yên Phong,DISTRICT,UT8,1997-01-01,,,not-an-email,,,,
			UT8.258.01,Xã Đông Phong,COMMUNE,UT8.258,1997-01-01,,,,,,,
			UT8.256.06,Phường Kinh Bắc,COMMUNE,UT8.256,1997-01-01,,,,,,,
			UT8.256.06,Phường Kinh Bắc mới,COMMUNE,UT8.256,2008-01-01,,,,,,,
			""";

	@Test
	void importsTheGoodRowsOfACsvFileAndReportsEveryBadOne() {
		long before = topic("cchc.units").size();

		MvcTestResult result = importCsv(FILE.getBytes(StandardCharsets.UTF_8));

		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		JsonNode answer = body(result);
		assertThat(answer.get("registered").asInt()).isEqualTo(3);
		assertThat(answer.get("changed").asInt()).isZero();
		assertThat(answer.get("unchanged").asInt()).isZero();
		assertThat(rejected(answer)).containsExactly(Map.entry(5, "UT8.256.02:kind"), Map.entry(6, "UT8.256.03:name"),
				Map.entry(7, "UT8.256.04:validFrom"), Map.entry(8, "UT8.256.05:parentCode"),
				Map.entry(9, "UT8.258:email"), Map.entry(10, "UT8.258.01:parentCode"), Map.entry(11, "UT8.256.06:code"),
				Map.entry(12, "UT8.256.06:code"));
		assertThat(answer.get("rejected").get(5).get("errors").get(0).get("message").asString()).contains("UT8.258")
			.contains("dòng 9");

		assertThat(topic("cchc.units").size()).isEqualTo(before + 3);
		assertThat(unitRecords("UT8").stream().map((record) -> record.key()).distinct())
			.containsExactlyInAnyOrder("UT8", "UT8.256", "UT8.256.01");
		assertThat(unitRecords("UT8"))
			.allSatisfy((record) -> assertThat(type(record)).isEqualTo(EventTypes.UNIT_REGISTERED_V1));
		awaitUnits("UT8", "UT8.256", "UT8.256.01");
		JsonNode commune = get("/api/v1/units/UT8.256.01");
		assertThat(commune.get("name").asString()).isEqualTo("Phường Vũ Ninh (\"cũ\")");
		assertThat(commune.get("validTo").asString()).isEqualTo("2025-06-30");
		assertThat(commune.get("contacts").get("person").asString()).isEqualTo("Ngô Quang Dũng");
		assertThat(commune.get("groups").get("commune-post-offices").asInt()).isEqualTo(1);
		assertThat(get("/api/v1/units/UT8.256").get("name").asString()).isEqualTo("Thành phố Bắc Ninh, tỉnh Bắc Ninh");

		MvcTestResult again = importCsv(FILE.getBytes(StandardCharsets.UTF_8));

		assertThat(body(again).get("unchanged").asInt()).isEqualTo(3);
		assertThat(body(again).get("registered").asInt()).isZero();
		assertThat(rejected(body(again))).hasSize(8);
		assertThat(topic("cchc.units").size()).isEqualTo(before + 3);
	}

	@Test
	void importsAJsonArrayElementByElement() {
		long before = topic("cchc.units").size();

		MvcTestResult result = this.mvc.post()
			.uri(UnitApi.IMPORT)
			.with(bearer(administrator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							[{"code": "UT9", "name": "Tỉnh Tây Ninh Thử", "kind": "PROVINCE", "validFrom": "1997-01-01"},
							 {"code": "UT9.A", "name": "Huyện Gò Dầu", "kind": "HAMLET", "parentCode": "UT9", "validFrom": "1997-01-01"},
							 null,
							 {"code": "UT9.B", "name": "Huyện Trảng Bàng", "kind": "DISTRICT", "parentCode": "UT9",
							  "validFrom": "1997-01-01", "groups": {"commune-radio-stations": 1.5}},
							 {"code": "UT9.C", "name": "Huyện Châu Thành", "kind": "DISTRICT", "parentCode": "UT9",
							  "validFrom": "1997-01-01", "predecessorCodes": ["UT9"]},
							 {"code": "UT9.D", "name": "Huyện Dương Minh Châu", "kind": "DISTRICT", "parentCode": "UT9",
							  "validFrom": "1997-01-01", "groups": {"commune-radio-stations": 11}}]"""
						.getBytes(StandardCharsets.UTF_8))
			.exchange();

		assertThat(result).hasStatusOk();
		JsonNode answer = body(result);
		assertThat(answer.get("registered").asInt()).isEqualTo(3);
		assertThat(rejected(answer)).containsExactly(Map.entry(1, "UT9.A:kind"), Map.entry(2, "null:body"),
				Map.entry(3, "UT9.B:groups.commune-radio-stations"));
		assertThat(topic("cchc.units").size()).isEqualTo(before + 3);
		awaitUnits("UT9.C", "UT9.D");
		assertThat(get("/api/v1/units/UT9.D").get("groups").get("commune-radio-stations").asInt()).isEqualTo(11);
	}

	@Test
	void refusesAFileThatIsNotUtf8OrNotCsvWithAProblem() {
		long before = topic("cchc.units").size();
		byte[] windows1258 = "code,name,kind,validFrom\r\nUT10,T\u1ec9nh,PROVINCE,1997-01-01\r\n"
			.getBytes(StandardCharsets.UTF_8);
		windows1258[windows1258.length - 20] = (byte) 0xFF;

		MvcTestResult notUtf8 = importCsv(windows1258);
		MvcTestResult notCsv = this.mvc.post()
			.uri(UnitApi.IMPORT)
			.with(bearer(administrator()))
			.contentType(MediaType.TEXT_PLAIN)
			.content("code,name")
			.exchange();

		assertThat(notUtf8).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(body(notUtf8).get("type").asString()).endsWith("/invalid-csv");
		assertThat(fields(notUtf8)).containsExactly("body");
		assertThat(notCsv).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(topic("cchc.units").size()).isEqualTo(before);
	}

	private MvcTestResult importCsv(byte[] body) {
		return this.mvc.post()
			.uri(UnitApi.IMPORT)
			.with(bearer(administrator()))
			.contentType(CSV)
			.content(body)
			.exchange();
	}

	/** Row number to "code:field" of the first error. */
	private static List<Map.Entry<Integer, String>> rejected(JsonNode answer) {
		return answer.get("rejected")
			.valueStream()
			.map((row) -> Map.entry(row.get("row").asInt(),
					text(row.get("code")) + ":" + row.get("errors").get(0).get("field").asString()))
			.collect(Collectors.toList());
	}

}
