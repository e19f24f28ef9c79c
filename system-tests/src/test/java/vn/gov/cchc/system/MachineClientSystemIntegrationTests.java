package vn.gov.cchc.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.system.GatewayClient.Totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commune's one-stop system as it works for real: it gets a token from the issuer by
 * client credentials and pushes a batch through the gateway; the same token cannot read
 * another commune, nor push for it, and what it is refused is never counted. An officer
 * who logs in through the issuer's form reads her own commune and not the next one.
 */
@ExtendWith(LocalRuntimeExtension.class)
class MachineClientSystemIntegrationTests {

	private static final String COMMUNE = "09190";

	private static final String OTHER_COMMUNE = "09193";

	private static final String PLAN = "27-2022-22-KH-UBND";

	private static LocalRuntime runtime;

	private static GatewayClient client;

	@BeforeAll
	static void useTheLocalRuntime(LocalRuntime localRuntime) {
		runtime = localRuntime;
		client = runtime.client();
	}

	@Test
	void aCommuneSystemGetsATokenAndPushesABatchButNeitherReadsNorPushesForAnotherCommune() throws Exception {
		HttpResponse<String> issued = client.issuer().clientCredentials("commune-" + COMMUNE, "commune-09190-secret");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		JsonNode answer = GatewayClient.parse(issued.body());
		assertThat(answer.path("token_type").asString()).isEqualTo("Bearer");
		String token = answer.path("access_token").asString();
		assertThat(client.issuer().clientCredentials("commune-" + COMMUNE, "wrong-secret").statusCode()).isEqualTo(401);

		Totals commune = client.totals(COMMUNE);
		Totals other = client.totals(OTHER_COMMUNE);
		List<String> reports = new ArrayList<>();
		for (int day = 10; day < 13; day++) {
			reports.add(report(COMMUNE, "2022-05-" + day));
		}
		HttpResponse<String> pushed = client.send(token, "POST", "/api/v1/progress:batch",
				"[" + String.join(",", reports) + "]");
		assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
		assertThat(GatewayClient.parse(pushed.body()).path("accepted").asInt()).isEqualTo(3);

		HttpResponse<String> foreignBatch = client.send(token, "POST", "/api/v1/progress:batch",
				"[" + report(COMMUNE, "2022-05-13") + "," + report(OTHER_COMMUNE, "2022-05-13") + "]");
		assertThat(foreignBatch.statusCode()).as(foreignBatch.body()).isEqualTo(403);
		JsonNode problem = GatewayClient.parse(foreignBatch.body());
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("[1].unitCode");
		HttpResponse<String> foreignReport = client.send(token, "POST", "/api/v1/progress",
				report(OTHER_COMMUNE, "2022-05-14"));
		assertThat(foreignReport.statusCode()).as(foreignReport.body()).isEqualTo(403);

		for (String path : List.of("/api/v1/totals/" + OTHER_COMMUNE,
				"/api/v1/figures/" + OTHER_COMMUNE + "?plan=" + PLAN + "&from=2022-01-01&to=2022-06-30",
				"/api/v1/contacts/" + OTHER_COMMUNE)) {
			HttpResponse<String> read = client.send(token, "GET", path, null);
			assertThat(read.statusCode()).as("GET %s with %s's token", path, COMMUNE).isEqualTo(403);
		}

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(
					() -> assertThat(client.totals(COMMUNE)).isEqualTo(commune.plus(new Totals(3, 1_500_000, 3, 45))));
		// The refused batch and report were never published: the other commune has not
		// moved,
		// and the commune itself has exactly the three reports of the accepted batch.
		assertThat(client.totals(OTHER_COMMUNE)).isEqualTo(other);
		assertThat(client.totals(COMMUNE)).isEqualTo(commune.plus(new Totals(3, 1_500_000, 3, 45)));
	}

	@Test
	void anOfficerWhoLogsInReadsHerCommuneAndNotTheNextOne() throws Exception {
		String token = client.issuer().person("vuninh.canbo", "cchc-demo");

		assertThat(client.send(token, "GET", "/api/v1/totals/" + COMMUNE, null).statusCode()).isEqualTo(200);
		assertThat(client.send(token, "GET", "/api/v1/totals/" + OTHER_COMMUNE, null).statusCode()).isEqualTo(403);
		assertThat(client.send(token, "GET", "/api/v1/totals/27", null).statusCode()).isEqualTo(403);
		assertThat(client.send(null, "GET", "/api/v1/totals/" + COMMUNE, null).statusCode()).isEqualTo(401);
	}

	private static String report(String unit, String day) {
		return """
				{"eventId":"%s","unitCode":"%s","planId":"%s","activityId":"HD07","date":"%s",\
				"quantities":{"broadcasts":1,"minutes":15},"evidence":["https://bacninh.gov.vn/tin-tuc/cchc"],\
				"budgetSpentVnd":500000,"reporter":"Hệ thống một cửa phường Vũ Ninh"}""".formatted(UUID.randomUUID(),
				unit, PLAN, day);
	}

}
