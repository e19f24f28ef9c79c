package vn.gov.cchc.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import vn.gov.cchc.system.GatewayClient.Totals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin path through every real part: the README's script starts a Kafka broker
 * process in KRaft mode, the MongoDB-wire store process and the four services; a commune
 * posts progress through the gateway; plan-service validates and publishes to Kafka;
 * report-service records the fact once and rolls it up; the totals are read back through
 * the gateway.
 */
@ExtendWith(LocalRuntimeExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThinPathEndToEndIntegrationTests {

	private static final String PROVINCE = "27";

	private static final String DISTRICT = "256";

	private static final List<String> COMMUNES = List.of("09190", "09193", "09247", "09250");

	/**
	 * The demo plan of Bắc Ninh, 22/KH-UBND for 2022, and its radio row for districts and
	 * communes.
	 */
	private static final String PLAN = "27-2022-22-KH-UBND";

	private static final String ACTIVITY = "HD07";

	/**
	 * Inside the plan's year, when the four communes still existed (they merged on 1 July
	 * 2025).
	 */
	private static final LocalDate DAY = LocalDate.of(2022, 5, 10);

	private static LocalRuntime runtime;

	private static GatewayClient client;

	@BeforeAll
	static void useTheLocalRuntime(LocalRuntime localRuntime) {
		runtime = localRuntime;
		client = runtime.client();
	}

	@Test
	@Order(1)
	void postedEventShowsInTheTotalsOfTheCommuneAndOfEveryAncestor() throws Exception {
		Totals commune = client.totals("09190");
		Totals district = client.totals(DISTRICT);
		Totals province = client.totals(PROVINCE);
		Totals sibling = client.totals("09193");

		HttpResponse<String> response = client.postProgress(progress(UUID.randomUUID().toString(), "09190", 2, 30));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(GatewayClient.parse(response.body()).path("status").asString()).isEqualTo("ACCEPTED");
		Totals expected = new Totals(1, 500_000, 2, 30);
		awaitTotals("09190", commune.plus(expected));
		awaitTotals(DISTRICT, district.plus(expected));
		awaitTotals(PROVINCE, province.plus(expected));
		assertThat(client.totals("09193")).as("a sibling commune is untouched").isEqualTo(sibling);
	}

	@Test
	@Order(2)
	void sameEventIdPostedTwiceIsCountedOnce() throws Exception {
		Totals before = client.totals(PROVINCE);
		String body = progress(UUID.randomUUID().toString(), "09247", 1, 15);

		assertThat(client.postProgress(body).statusCode()).isEqualTo(202);
		assertThat(client.postProgress(body).statusCode()).isEqualTo(202);
		// A marker event posted after the duplicate: once it is counted, the duplicate
		// had its chance.
		assertThat(client.postProgress(progress(UUID.randomUUID().toString(), "09250", 1, 15)).statusCode())
			.isEqualTo(202);

		awaitTotals(PROVINCE, before.plus(new Totals(2, 1_000_000, 2, 30)));
	}

	static Stream<Arguments> invalidInputs() {
		String valid = progress("invalid-input-check-0001", "09190", 1, 15);
		return Stream.of(Arguments.of("missing field", valid.replace("\"unitCode\":\"09190\",", ""), 400, "unitCode"),
				Arguments.of("wrong type", valid.replace("\"date\":\"" + DAY + "\"", "\"date\":5"), 400, "date"),
				Arguments.of("negative quantity", valid.replace("\"minutes\":15", "\"minutes\":-15"), 400,
						"quantities.minutes"),
				// Sent with Phường Vũ Ninh's token: a commune writes only for itself.
				Arguments.of("another unit", valid.replace("\"unitCode\":\"09190\"", "\"unitCode\":\"99999\""), 403,
						"unitCode"),
				Arguments.of("malformed JSON", valid.substring(0, valid.length() - 7), 400, null),
				Arguments.of("10 MB body", valid.replace("\"reporter\":\"Nguyễn Thị Hà\"",
						"\"reporter\":\"" + "a".repeat(10 * 1024 * 1024) + "\""), 413, "body"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidInputs")
	@Order(3)
	void invalidInputGetsAProblemNamingTheFieldAndCountsNothing(String label, String body, int status, String field)
			throws Exception {
		Totals before = client.totals(PROVINCE);

		HttpResponse<String> response = client.postProgress(body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = GatewayClient.parse(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		if (field != null) {
			assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
				.contains(field);
		}
		// A valid marker posted after the rejected one: once it is counted, anything the
		// rejected request had published would have been counted too.
		assertThat(client.postProgress(progress(UUID.randomUUID().toString(), "09193", 1, 15)).statusCode())
			.isEqualTo(202);
		awaitTotals(PROVINCE, before.plus(new Totals(1, 500_000, 1, 15)));
	}

	@Test
	@Order(4)
	void eventsRedeliveredAfterReportServiceIsKilledMidStreamAreCountedOnce() throws Exception {
		Map<String, Totals> before = new HashMap<>();
		for (String code : Stream.concat(Stream.of(PROVINCE, DISTRICT, "258"), COMMUNES.stream()).toList()) {
			before.put(code, client.totals(code));
		}
		int events = 600;
		AtomicInteger posted = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<Integer>> accepted = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			String commune = COMMUNES.get(c);
			accepted.add(clients.submit(() -> {
				int ok = 0;
				for (int i = 0; i < events / 4; i++) {
					if (client.postProgress(progress(UUID.randomUUID().toString(), commune, 1, 15))
						.statusCode() == 202) {
						ok++;
					}
					posted.incrementAndGet();
				}
				return ok;
			}));
		}
		await().atMost(Duration.ofMinutes(2)).until(() -> posted.get() >= events / 4);
		runtime.killNine("report-service");
		int acceptedCount = 0;
		for (Future<Integer> future : accepted) {
			acceptedCount += future.get();
		}
		clients.shutdown();
		assertThat(acceptedCount).as("plan-service accepts while report-service is down").isEqualTo(events);

		runtime.start("report-service");

		Totals added = new Totals(events, events * 500_000L, events, events * 15L);
		awaitTotals(PROVINCE, before.get(PROVINCE).plus(added));
		Thread.sleep(3000);
		assertThat(client.totals(PROVINCE)).as("nothing counted twice after settling")
			.isEqualTo(before.get(PROVINCE).plus(added));
		Totals communeSum = new Totals(0, 0, 0, 0);
		for (String commune : COMMUNES) {
			Totals delta = client.totals(commune).minus(before.get(commune));
			assertThat(delta).as("commune %s", commune)
				.isEqualTo(new Totals(events / 4, events / 4 * 500_000L, events / 4, events / 4 * 15L));
			communeSum = communeSum.plus(delta);
		}
		Totals districts = client.totals(DISTRICT)
			.minus(before.get(DISTRICT))
			.plus(client.totals("258").minus(before.get("258")));
		assertThat(districts).as("districts roll up their communes").isEqualTo(communeSum);
		assertThat(client.totals(PROVINCE).minus(before.get(PROVINCE))).as("province rolls up its districts")
			.isEqualTo(districts);
	}

	@Test
	@Order(5)
	void secondRunKeepsTheData() throws Exception {
		Totals province = client.totals(PROVINCE);
		assertThat(province.events()).isPositive();

		runtime.down();
		runtime.up();

		assertThat(client.totals(PROVINCE)).isEqualTo(province);
		assertThat(client.totals("09190")).isNotEqualTo(new Totals(0, 0, 0, 0));
	}

	private static void awaitTotals(String unitCode, Totals expected) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(client.totals(unitCode)).as("totals of %s", unitCode).isEqualTo(expected));
	}

	private static String progress(String eventId, String unitCode, long broadcasts, long minutes) {
		return """
				{"eventId":"%s","unitCode":"%s","planId":"%s","activityId":"%s",\
				"date":"%s","quantities":{"broadcasts":%d,"minutes":%d},\
				"evidence":["https://bacninh.gov.vn/tin-tuc/cai-cach-hanh-chinh"],"budgetSpentVnd":500000,\
				"reporter":"Nguyễn Thị Hà"}""".formatted(eventId, unitCode, PLAN, ACTIVITY, DAY, broadcasts, minutes);
	}

}
