package vn.gov.cchc.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import vn.gov.cchc.system.GatewayClient.Totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * plan-service through the gateway of the running system: the demo data the README's
 * script loads on a fresh start (the five seed plans, Bắc Ninh before and after 1 July
 * 2025), a merge made through the API, a batch of mixed progress, and commune systems
 * writing straight onto {@code cchc.progress.inbox} with Kafka's own console producer.
 */
@ExtendWith(LocalRuntimeExtension.class)
class PlanServiceEndToEndIntegrationTests {

	private static final String PLAN = "27-2022-22-KH-UBND";

	private static final String PROVINCE = "27";

	private static LocalRuntime runtime;

	private static GatewayClient client;

	@BeforeAll
	static void useTheLocalRuntime(LocalRuntime localRuntime) {
		runtime = localRuntime;
		client = runtime.client();
	}

	@Test
	void theFiveSeedPlansAreIssuedAndReadBackWithTheirFacts() throws Exception {
		JsonNode bacNinh = issuedPlan(PLAN);
		assertThat(bacNinh.path("number").asString()).isEqualTo("22/KH-UBND");
		assertThat(bacNinh.path("activities")).hasSize(8);
		assertThat(bacNinh.path("reporting")
			.path("deadlines")
			.valueStream()
			.map((deadline) -> deadline.path("period").asString() + " " + deadline.path("dueBefore").asString()))
			.containsExactlyInAnyOrder("HALF_YEAR --06-15", "YEAR --11-20");
		assertThat(bacNinh.path("reporting").path("receiverUnitCode").asString()).isEqualTo("27-SNV");

		JsonNode binhSon = issuedPlan("524-2022-2025-CCHC");
		assertThat(binhSon.path("from").asString()).isEqualTo("2022-01-01");
		assertThat(binhSon.path("to").asString()).isEqualTo("2025-12-31");
		assertThat(binhSon.path("targets")
			.valueStream()
			.filter((target) -> "COVERAGE".equals(target.path("kind").asString()))
			.map((target) -> target.path("value").decimalValue().intValue())).containsExactly(100, 100, 90);

		assertThat(issuedPlan("72-2020-CCHC").path("budgetVnd").asLong()).isEqualTo(2_167_000_000L);

		Map<String, String> indexTargets = issuedPlan("58-VP-2023-CCHC").path("targets")
			.valueStream()
			.filter((target) -> "INDEX".equals(target.path("kind").asString()) && target.path("value").isNumber())
			.collect(Collectors.toMap(
					(target) -> target.path("index").asString() + " " + target.path("measure").asString() + " "
							+ target.path("comparison").asString(),
					(target) -> target.path("value").decimalValue().stripTrailingZeros().toPlainString(),
					(first, second) -> first));
		assertThat(indexTargets).containsEntry("PAR INDEX RANK AT_MOST", "30")
			.containsEntry("PAPI RANK AT_MOST", "20")
			.containsEntry("PCI SCORE ABOUT", "68.9")
			.containsEntry("SIPAS PERCENT AT_LEAST", "89.64");

		assertThat(issuedPlan("70-SXD-2024-780-KH-SXD").path("reporting")
			.path("periods")
			.valueStream()
			.map(JsonNode::asString)).containsExactlyInAnyOrder("QUARTER", "HALF_YEAR", "YEAR");
	}

	@Test
	void bacNinhHasThreeLevelsUntil30June2025AndTwoFrom1July() throws Exception {
		Map<String, JsonNode> before = unitsOn("2025-06-30");
		Map<String, JsonNode> after = unitsOn("2025-07-01");

		assertThat(before.get("256").path("parentCode").asString()).isEqualTo(PROVINCE);
		assertThat(before.get("09190").path("parentCode").asString()).isEqualTo("256");
		assertThat(after).doesNotContainKeys("256", "258", "09190");
		List<JsonNode> bacNinhCommunesAfter = after.values()
			.stream()
			.filter((unit) -> "COMMUNE".equals(unit.path("kind").asString())
					&& PROVINCE.equals(unit.path("parentCode").asString()))
			.toList();
		assertThat(bacNinhCommunesAfter).isNotEmpty();
		assertThat(after.values()).noneMatch((unit) -> "DISTRICT".equals(unit.path("kind").asString())
				&& PROVINCE.equals(unit.path("parentCode").asString()));
		// A commune merged on 1 July 2025 points at its successor, which exists from
		// then.
		String successor = before.get("09190").path("successorCodes").get(0).asString();
		assertThat(after.get(successor).path("parentCode").asString()).isEqualTo(PROVINCE);
	}

	@Test
	void aMergeThroughTheApiShowsFromItsDateAndNotBefore() throws Exception {
		String units = """
				[{"code":"E2E.A","name":"Xã Thử Nghiệm A","kind":"COMMUNE","parentCode":"27","validFrom":"2025-07-01",\
				"contacts":{"person":"Lê Văn An","email":"a@bacninh.gov.vn","phone":"0912000001"}},\
				{"code":"E2E.B","name":"Xã Thử Nghiệm B","kind":"COMMUNE","parentCode":"27","validFrom":"2025-07-01",\
				"contacts":{"person":"Lê Văn Bình","email":"b@bacninh.gov.vn","phone":"0912000002"}}]""";
		assertThat(client.send("PUT", "/api/v1/units", units).statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> unitsOn("2026-06-01").keySet().containsAll(Set.of("E2E.A", "E2E.B")));

		String merge = """
				{"predecessorCodes":["E2E.A","E2E.B"],"effectiveOn":"2026-07-01",\
				"successor":{"code":"E2E.AB","name":"Xã Thử Nghiệm","kind":"COMMUNE","parentCode":"27",\
				"contacts":{"person":"Lê Văn An","email":"ab@bacninh.gov.vn","phone":"0912000003"}}}""";
		HttpResponse<String> merged = client.send("POST", "/api/v1/units:merge", merge);
		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(unitsOn("2026-06-30")).containsKeys("E2E.A", "E2E.B").doesNotContainKey("E2E.AB");
			assertThat(unitsOn("2026-07-01")).containsKey("E2E.AB").doesNotContainKeys("E2E.A", "E2E.B");
		});
		assertThat(client.get("/api/v1/units/E2E.A").path("successorCodes").get(0).asString()).isEqualTo("E2E.AB");
	}

	@Test
	void aBatchOfAThousandMixedReportsIsAnsweredPerReportAndOnlyTheValidOnesCount() throws Exception {
		Totals before = client.totals(PROVINCE);
		List<String> reports = new ArrayList<>();
		Set<Integer> invalid = new java.util.TreeSet<>();
		for (int i = 0; i < 1000; i++) {
			String report = report(UUID.randomUUID().toString(), "09247", 1, 15);
			if (i % 4 == 1) {
				report = report.replace("\"minutes\":15", "\"viewers\":15");
				invalid.add(i);
			}
			else if (i % 4 == 3) {
				report = report.replace("https://bacninh.gov.vn", "javascript:alert(1)//");
				invalid.add(i);
			}
			reports.add(report);
		}

		HttpResponse<String> response = client.send(client.issuer().commune("09247").orElseThrow(), "POST",
				"/api/v1/progress:batch", "[" + String.join(",", reports) + "]");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode answer = GatewayClient.parse(response.body());
		assertThat(answer.path("accepted").asInt()).isEqualTo(500);
		assertThat(answer.path("rejected").asInt()).isEqualTo(500);
		for (JsonNode result : answer.path("results")) {
			int index = result.path("index").asInt();
			assertThat(result.path("status").asString()).as("report %d", index)
				.isEqualTo(invalid.contains(index) ? "REJECTED" : "ACCEPTED");
			if (invalid.contains(index)) {
				assertThat(result.path("errors").get(0).path("field").asString()).isIn("quantities.viewers",
						"evidence[0]");
			}
		}
		awaitTotals(PROVINCE, before.plus(new Totals(500, 500 * 500_000L, 500, 500 * 15L)));
	}

	@Test
	void reportsPutOnTheInboxWithKafkasConsoleProducerAreValidatedLikeHttpOnes() throws Exception {
		Totals before = client.totals(PROVINCE);
		Map<String, String> rejectedKeys = new HashMap<>();
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String eventId = "inbox-ok-" + UUID.randomUUID();
			lines.add("09193|" + report(eventId, "09193", 1, 15));
		}
		String unknownMetric = "inbox-bad-metric-" + UUID.randomUUID();
		lines.add("09190|" + report(unknownMetric, "09190", 1, 15).replace("\"minutes\":15", "\"viewers\":15"));
		rejectedKeys.put(unknownMetric, "quantities.viewers");
		String wrongUnit = "inbox-bad-unit-" + UUID.randomUUID();
		lines.add("99999|" + report(wrongUnit, "99999", 1, 15));
		rejectedKeys.put(wrongUnit, "unitCode");
		lines.add("not-json-" + UUID.randomUUID() + "|this is not JSON");

		runtime.kafkaTool(lines, "console-producer", "--topic", "cchc.progress.inbox", "--property", "parse.key=true",
				"--property", "key.separator=|");

		awaitTotals(PROVINCE, before.plus(new Totals(6, 6 * 500_000L, 6, 6 * 15L)));
		String rejected = runtime.kafkaTool(List.of(), "console-consumer", "--topic", "cchc.progress.rejected",
				"--from-beginning", "--max-messages", "3", "--timeout-ms", "60000");
		for (Map.Entry<String, String> entry : rejectedKeys.entrySet()) {
			JsonNode rejection = rejection(rejected, entry.getKey());
			assertThat(rejection.path("data")
				.path("reasons")
				.valueStream()
				.map((reason) -> reason.path("field").asString())).as(entry.getKey()).contains(entry.getValue());
			assertThat(rejection.path("data").path("sourceTopic").asString()).isEqualTo("cchc.progress.inbox");
		}
		assertThat(rejected).contains("this is not JSON");
	}

	private static JsonNode rejection(String consumed, String eventId) {
		return consumed.lines()
			.filter((line) -> line.contains(eventId))
			.map(GatewayClient::parse)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no rejection of " + eventId + " in:\n" + consumed));
	}

	private static JsonNode issuedPlan(String planId) throws Exception {
		JsonNode view = client.get("/api/v1/plans/" + planId);
		assertThat(view.path("status").asString()).as(planId).isEqualTo("ISSUED");
		return view.path("plan");
	}

	private static Map<String, JsonNode> unitsOn(String day) throws Exception {
		Map<String, JsonNode> units = new HashMap<>();
		client.get("/api/v1/units?on=" + day).forEach((unit) -> units.put(unit.path("code").asString(), unit));
		return units;
	}

	private static void awaitTotals(String unitCode, Totals expected) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(client.totals(unitCode)).as("totals of %s", unitCode).isEqualTo(expected));
	}

	private static String report(String eventId, String unitCode, long broadcasts, long minutes) {
		return """
				{"eventId":"%s","unitCode":"%s","planId":"%s","activityId":"HD07","date":"2022-05-10",\
				"quantities":{"broadcasts":%d,"minutes":%d},\
				"evidence":["https://bacninh.gov.vn/tin-tuc/cai-cach-hanh-chinh"],"budgetSpentVnd":500000,\
				"reporter":"Hệ thống một cửa xã"}""".formatted(eventId, unitCode, PLAN, broadcasts, minutes);
	}

}
