package vn.gov.cchc.plan.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad progress reports, one table row each, against the running service: every one is
 * answered with a 4xx problem naming the offending field, and leaves nothing behind (no
 * record on {@code cchc.progress}, no receipt). Text that merely looks like a query or
 * markup is no bad input: it is accepted and kept verbatim.
 *
 * <p>
 * The valid report every row starts from: {@code IG.R} (lead of {@code HD01} of plan
 * {@value IngestFixtures#PLAN}) reporting a broadcast on 14 March 2025 (see
 * {@link IngestFixtures}). Set up once: report {@code bad-orig-0001} with a correction
 * {@code bad-corr-0001}, and report {@code bad-orig-0002}, retracted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadProgressIntegrationTests extends PlanServiceIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private JsonMapper mapper;

	@Autowired
	private MeterRegistry meters;

	@BeforeAll
	void unitsPlansAndEarlierReports() {
		IngestFixtures.ensure(this.mvc, this.mongo, this.mapper);
		assertThat(post(IngestFixtures.radioReport("bad-orig-0001", 15))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post(with(report("bad-corr-0001"), "correctsEventId", "\"bad-orig-0001\"")))
			.hasStatus(HttpStatus.ACCEPTED);
		assertThat(post(IngestFixtures.radioReport("bad-orig-0002", 15))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(post("""
				{"eventId": "bad-retr-0002", "unitCode": "IG.R", "retractsEventId": "bad-orig-0002",
				 "reason": "Trùng với báo cáo khác", "reporter": "Nguyễn Thị Hà"}""")).hasStatus(HttpStatus.ACCEPTED);
	}

	static List<Arguments> badReports() {
		List<Arguments> rows = new ArrayList<>();
		// Against the plan and the unit tree: 422.
		row(rows, "unit neither lead nor coordinating", with(report("b01"), "unitCode", "\"IG.X1\""), 422, "unitCode");
		row(rows, "commune outside the plan's issuer", posting("b02", "OT.X1", "2025-03-14", "{\"postings\": 1}"), 422,
				"unitCode");
		row(rows, "unit of another kind than the activity's lead kind",
				posting("b03", "IG.D1", "2025-03-14", "{\"postings\": 1}"), 422, "unitCode");
		row(rows, "activity of another plan", with(report("b04"), "activityId", "\"HDB1\""), 422, "activityId");
		row(rows, "activity the plan does not have", with(report("b05"), "activityId", "\"HD99\""), 422, "activityId");
		row(rows, "plan that does not exist", with(report("b06"), "planId", "\"IG-KH-NONE\""), 422, "planId");
		row(rows, "plan that is only a draft", with(report("b07"), "planId", "\"" + IngestFixtures.DRAFT_PLAN + "\""),
				422, "planId");
		row(rows, "date before the plan", with(report("b08"), "date", "\"2024-12-31\""), 422, "date");
		row(rows, "date after the plan", with(report("b09"), "date", "\"2026-01-01\""), 422, "date");
		row(rows, "commune not yet existing on the date", posting("b10", "IG.X3", "2025-06-30", "{\"postings\": 1}"),
				422, "unitCode");
		row(rows, "commune already ended on the date", posting("b11", "IG.X4", "2025-07-01", "{\"postings\": 1}"), 422,
				"unitCode");
		row(rows, "unit that does not exist", with(report("b12"), "unitCode", "\"IG.X9\""), 422, "unitCode");
		row(rows, "metric the activity is not counted in",
				with(report("b13"), "quantities", "{\"minutes\": 15, \"postings\": 2}"), 422, "quantities.postings");
		row(rows, "metric of the other activity", posting("b14", "IG.X1", "2025-03-14", "{\"minutes\": 15}"), 422,
				"quantities.minutes");
		// Quantities: 400.
		row(rows, "negative quantity", with(report("b15"), "quantities", "{\"minutes\": -5}"), 400,
				"quantities.minutes");
		row(rows, "absurd quantity", with(report("b16"), "quantities", "{\"minutes\": 1000000001}"), 400,
				"quantities.minutes");
		row(rows, "quantity beyond any integer",
				with(report("b17"), "quantities", "{\"minutes\": 99999999999999999999}"), 400, "quantities.minutes");
		row(rows, "fractional quantity", with(report("b18"), "quantities", "{\"minutes\": 1.5}"), 400,
				"quantities.minutes");
		row(rows, "quantity as a numeric string", with(report("b19"), "quantities", "{\"minutes\": \"15\"}"), 400,
				"quantities.minutes");
		row(rows, "quantity as text", with(report("b20"), "quantities", "{\"minutes\": \"mười lăm\"}"), 400,
				"quantities.minutes");
		row(rows, "quantity null", with(report("b21"), "quantities", "{\"minutes\": null}"), 400, "quantities.minutes");
		row(rows, "no quantity at all", with(report("b22"), "quantities", "{}"), 400, "quantities");
		row(rows, "quantities as an array", with(report("b23"), "quantities", "[15]"), 400, "quantities");
		row(rows, "metric name of the wrong shape", with(report("b24"), "quantities", "{\"Bad Name\": 1}"), 400,
				"quantities.Bad Name");
		row(rows, "MongoDB operator as a metric name", with(report("b25"), "quantities", "{\"$gt\": 1}"), 400,
				"quantities.$gt");
		// Evidence: 400.
		row(rows, "javascript: link", with(report("b26"), "evidence", "[\"javascript:alert(document.cookie)\"]"), 400,
				"evidence[0]");
		row(rows, "data: link", with(report("b27"), "evidence", "[\"data:text/html;base64,PHNjcmlwdD4=\"]"), 400,
				"evidence[0]");
		row(rows, "relative link", with(report("b28"), "evidence", "[\"/tin-tuc/cchc\"]"), 400, "evidence[0]");
		row(rows, "ftp: link", with(report("b29"), "evidence", "[\"ftp://thunghiem.gov.vn/a.pdf\"]"), 400,
				"evidence[0]");
		row(rows, "second link bad",
				with(report("b30"), "evidence", "[\"https://thunghiem.gov.vn/a\", \"vbscript:msgbox(1)\"]"), 400,
				"evidence[1]");
		row(rows, "link longer than 2000 characters",
				with(report("b31"), "evidence", "[\"https://thunghiem.gov.vn/" + "a".repeat(2000) + "\"]"), 400,
				"evidence[0]");
		row(rows, "21 evidence links", with(report("b32"), "evidence",
				IntStream.range(0, 21).mapToObj((i) -> "\"https://thunghiem.gov.vn/" + i + "\"").toList().toString()),
				400, "evidence");
		row(rows, "evidence as one string", with(report("b33"), "evidence", "\"https://thunghiem.gov.vn/a\""), 400,
				"evidence");
		row(rows, "evidence link as a number", with(report("b34"), "evidence", "[5]"), 400, "evidence[0]");
		// Text: 400.
		row(rows, "MongoDB operator object as reporter", with(report("b35"), "reporter", "{\"$gt\": \"\"}"), 400,
				"reporter");
		row(rows, "MongoDB operator object as note", with(report("b36"), "note", "{\"$where\": \"sleep(5000)\"}"), 400,
				"note");
		row(rows, "MongoDB operator object as planId", with(report("b37"), "planId", "{\"$ne\": null}"), 400, "planId");
		row(rows, "MongoDB operator object as unitCode", with(report("b38"), "unitCode", "{\"$regex\": \".*\"}"), 400,
				"unitCode");
		row(rows, "MongoDB operator object as eventId", with(report("b39"), "eventId", "{\"$gt\": \"\"}"), 400,
				"eventId");
		row(rows, "reporter of 201 characters", with(report("b40"), "reporter", "\"" + "r".repeat(201) + "\""), 400,
				"reporter");
		row(rows, "note of 2001 characters", with(report("b41"), "note", "\"" + "n".repeat(2001) + "\""), 400, "note");
		row(rows, "NUL in reporter", with(report("b42"), "reporter", "\"Hà\\u0000\""), 400, "reporter");
		row(rows, "line break in reporter", with(report("b43"), "reporter", "\"Nguyễn\\nThị Hà\""), 400, "reporter");
		row(rows, "terminal escape in note", with(report("b44"), "note", "\"\\u001b[2J xoá màn hình\""), 400, "note");
		row(rows, "direction override in note", with(report("b45"), "note", "\"tệp \\u202Efdp.exe\""), 400, "note");
		row(rows, "broken UTF-16 in reporter", with(report("b46"), "reporter", "\"Hà \\ud800\""), 400, "reporter");
		// Wrong JSON types: 400.
		row(rows, "eventId as a number", with(report("b47"), "eventId", "12345678"), 400, "eventId");
		row(rows, "unitCode as a number", with(report("b48"), "unitCode", "27"), 400, "unitCode");
		row(rows, "planId as a boolean", with(report("b49"), "planId", "true"), 400, "planId");
		row(rows, "activityId as an array", with(report("b50"), "activityId", "[\"HD01\"]"), 400, "activityId");
		row(rows, "date as a number", with(report("b51"), "date", "20250314"), 400, "date");
		row(rows, "budget as a string", with(report("b52"), "budgetSpentVnd", "\"500000\""), 400, "budgetSpentVnd");
		row(rows, "budget as a boolean", with(report("b53"), "budgetSpentVnd", "false"), 400, "budgetSpentVnd");
		row(rows, "budget fractional", with(report("b54"), "budgetSpentVnd", "1500.5"), 400, "budgetSpentVnd");
		row(rows, "reporter as a number", with(report("b55"), "reporter", "42"), 400, "reporter");
		row(rows, "note as an array", with(report("b56"), "note", "[\"ghi chú\"]"), 400, "note");
		row(rows, "correctsEventId as an object", with(report("b57"), "correctsEventId", "{\"$exists\": true}"), 400,
				"correctsEventId");
		// Missing fields: 400.
		for (String field : List.of("eventId", "unitCode", "planId", "activityId", "date", "quantities", "reporter")) {
			row(rows, "missing " + field, without(report("b58-" + field), field), 400, field);
		}
		// Malformed JSON and bad dates: 400.
		row(rows, "unquoted date", report("b65").replace("\"2025-03-14\"", "2025-03-14"), 400, "date");
		row(rows, "truncated JSON", "{\"eventId\": \"bad-b66-0001\", \"unitCode\": \"IG", 400, "unitCode");
		row(rows, "not JSON at all", "minutes=15&unit=IG.R", 400, "body");
		row(rows, "an array instead of an object", "[" + report("b67") + "]", 400, "body");
		row(rows, "empty body", "", 400, "body");
		row(rows, "two JSON documents", report("b68") + " {}", 400, "body");
		row(rows, "date as dd/MM/yyyy", with(report("b69"), "date", "\"14/03/2025\""), 400, "date");
		row(rows, "impossible date", with(report("b70"), "date", "\"2025-02-30\""), 400, "date");
		row(rows, "date with a time", with(report("b71"), "date", "\"2025-03-14T10:00:00\""), 400, "date");
		row(rows, "date before 2000", with(report("b72"), "date", "\"1999-12-31\""), 400, "date");
		row(rows, "date in the far future", with(report("b73"), "date", "\"2099-01-01\""), 400, "date");
		// Budget and ids: 400.
		row(rows, "negative budget", with(report("b74"), "budgetSpentVnd", "-1"), 400, "budgetSpentVnd");
		row(rows, "absurd budget", with(report("b75"), "budgetSpentVnd", "10000000000001"), 400, "budgetSpentVnd");
		row(rows, "eventId too short", with(report("b76"), "eventId", "\"short\""), 400, "eventId");
		row(rows, "eventId with a space", with(report("b77"), "eventId", "\"bad event id\""), 400, "eventId");
		row(rows, "unitCode in lower case", with(report("b78"), "unitCode", "\"ig.r\""), 400, "unitCode");
		row(rows, "planId padded with spaces", with(report("b79"), "planId", "\" IG-KH-2025 \""), 400, "planId");
		// Corrections and retractions.
		row(rows, "correction of an unknown report", with(report("b80"), "correctsEventId", "\"bad-nothing-0001\""),
				422, "correctsEventId");
		row(rows, "correction by another unit",
				with(with(report("b81"), "unitCode", "\"IG.SNV\""), "correctsEventId", "\"bad-orig-0001\""), 422,
				"correctsEventId");
		row(rows, "correction of a retracted report", with(report("b82"), "correctsEventId", "\"bad-orig-0002\""), 409,
				"correctsEventId");
		row(rows, "correction moving the report to another activity",
				with(with(report("b83"), "correctsEventId", "\"bad-orig-0001\""), "activityId", "\"HD02\""), 422,
				"activityId");
		row(rows, "correction of a correction", with(report("b84"), "correctsEventId", "\"bad-corr-0001\""), 422,
				"correctsEventId");
		row(rows, "correction pointing at itself", with(report("b85"), "correctsEventId", "\"bad-b85-0001\""), 400,
				"correctsEventId");
		row(rows, "retraction of an unknown report", retraction("b86", "IG.R", "bad-nothing-0001"), 422,
				"retractsEventId");
		row(rows, "retraction by another unit", retraction("b87", "IG.SNV", "bad-orig-0001"), 422, "retractsEventId");
		row(rows, "second retraction of a report", retraction("b88", "IG.R", "bad-orig-0002"), 409, "retractsEventId");
		row(rows, "retraction without a reason", without(retraction("b89", "IG.R", "bad-orig-0001"), "reason"), 400,
				"reason");
		row(rows, "retraction carrying quantities",
				with(retraction("b90", "IG.R", "bad-orig-0001"), "quantities", "{\"minutes\": 1}"), 400, "quantities");
		row(rows, "both correcting and retracting", with(with(report("b91"), "correctsEventId", "\"bad-orig-0001\""),
				"retractsEventId", "\"bad-orig-0001\""), 400, "retractsEventId");
		row(rows, "reason on a plain report", with(report("b92"), "reason", "\"vì sao\""), 400, "reason");
		row(rows, "eventId reused for other values", IngestFixtures.radioReport("bad-orig-0001", 99), 409, "eventId");
		row(rows, "a 10 MB body",
				"{\"eventId\": \"bad-b93-0001\", \"reporter\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}", 413, "body");
		return rows;
	}

	@ParameterizedTest(name = "[{index}] {0} -> {2} naming {3}")
	@MethodSource("badReports")
	void refusesABadReportWithAProblemNamingTheFieldAndKeepsNothing(String name, String body, int status,
			String field) {
		long recordsBefore = topic("cchc.progress").size();
		long receiptsBefore = StoredReceipts.count(this.mongo.getDb());
		double rejectedBefore = rejected();

		MvcTestResult result = post(body);

		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = problem(result);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("type").asString()).startsWith("https://cchc.gov.vn/problems/");
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/progress");
		assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString())).contains(field);
		problem.get("errors").forEach((error) -> assertThat(error.get("message").asString()).isNotBlank());
		assertThat(topic("cchc.progress").size()).as("records on cchc.progress").isEqualTo(recordsBefore);
		assertThat(StoredReceipts.count(this.mongo.getDb())).as("receipts").isEqualTo(receiptsBefore);
		assertThat(rejected()).isEqualTo(rejectedBefore + 1);
	}

	@Test
	void theTableHasAtLeastFiftyRows() {
		assertThat(badReports()).hasSizeGreaterThanOrEqualTo(50);
	}

	@Test
	void acceptsTextThatLooksLikeAQueryAndKeepsItVerbatim() {
		String reporter = "$where";
		String note = "{\"$gt\": \"\"} ; $where: function() { return true } ; <script>alert(1)</script> ; "
				+ "'); db.progress_receipts.drop(); // ${jndi:ldap://x}\nDòng hai\tcó tab";
		ObjectNode report = (ObjectNode) json.readTree(IngestFixtures.radioReport("bad-text-0001", 15));
		report.put("reporter", reporter);
		report.put("note", note);

		assertThat(post(report.toString())).hasStatus(HttpStatus.ACCEPTED);

		JsonNode data = topic("cchc.progress").all()
			.stream()
			.map((record) -> json.readTree(record.value()))
			.filter((event) -> "bad-text-0001".equals(event.get("id").asString()))
			.findFirst()
			.orElseThrow()
			.get("data");
		assertThat(data.get("reporter").asString()).isEqualTo(reporter);
		assertThat(data.get("note").asString()).isEqualTo(note);
		Document stored = StoredReceipts.claim(this.mongo.getDb(), "bad-text-0001");
		assertThat(stored).isNotNull();
		assertThat(stored.get("reporter")).isEqualTo(reporter);
		assertThat(stored.get("note")).isEqualTo(note);
		// The collection is whole: the text was a value, never a command.
		assertThat(StoredReceipts.count(this.mongo.getDb())).isGreaterThan(1);
	}

	private static void row(List<Arguments> rows, String name, String body, int status, String field) {
		rows.add(Arguments.of(name, body, status, field));
	}

	/** The valid radio report with the id {@code bad-<suffix>-0001}. */
	private static String report(String suffix) {
		return IngestFixtures.radioReport((suffix.startsWith("bad-") ? suffix : "bad-" + suffix + "-0001"), 15);
	}

	private static String posting(String suffix, String unitCode, String date, String quantities) {
		return with(
				with(IngestFixtures.postingReport("bad-" + suffix + "-0001", unitCode, LocalDate.of(2025, 3, 14), 1),
						"date", "\"" + date + "\""),
				"quantities", quantities);
	}

	private static String retraction(String suffix, String unitCode, String retracts) {
		return """
				{"eventId": "bad-%s-0001", "unitCode": "%s", "retractsEventId": "%s", "reason": "Báo cáo nhầm",
				 "reporter": "Nguyễn Thị Hà"}""".formatted(suffix, unitCode, retracts);
	}

	/** The report with one member replaced by (or added as) the given raw JSON. */
	private static String with(String report, String field, String rawValue) {
		ObjectNode node = (ObjectNode) json.readTree(report);
		node.remove(field);
		String rest = node.toString();
		return "{\"" + field + "\": " + rawValue + (rest.equals("{}") ? "}" : ", " + rest.substring(1));
	}

	private static String without(String report, String field) {
		ObjectNode node = (ObjectNode) json.readTree(report);
		node.remove(field);
		return node.toString();
	}

	private MvcTestResult post(String body) {
		return IngestFixtures.postJson(this.mvc, body, "/api/v1/progress");
	}

	private double rejected() {
		return this.meters.find("cchc.ingest.rejected").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private static JsonNode problem(MvcTestResult result) {
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

}
