package vn.gov.cchc.plan.plan;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.outbox.OutboxRelay;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.ServiceProcess;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.cchc.plan.TestCallers.adminOf;
import static vn.gov.cchc.plan.TestCallers.administrator;

/**
 * Kills plan-service between the plan write and the publish, and shows the event still
 * reaches {@code cchc.plans} exactly once.
 *
 * <p>
 * The service runs as a real child JVM on this test's broker and store (a database of its
 * own). The first process has its relay disabled, so that issuing a plan leaves its event
 * pending in the outbox; it is then killed with SIGKILL, with no chance to do anything
 * more. A second process with the relay enabled starts on the same database and publishes
 * the event. The other gap, a process dying after the send and before removing the entry,
 * is driven step by step in platform-outbox's {@code OutboxRelayIntegrationTests}.
 *
 * <p>
 * Each process trusts the tests' issuer and is called with its tokens, on a port this
 * test chooses ({@link ChildApi}): {@link ServiceProcess} sends requests without headers.
 */
class PlanOutboxKillIntegrationTests extends PlanServiceIntegrationTest {

	private static final String PLAN_ID = "PLK-KILL-2026";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	@Test
	void anIssuedPlansEventIsOnTheTopicExactlyOnceAfterTheServiceIsKilledBeforePublishingIt() throws Exception {
		String database = "cchc-plan-kill-" + UUID.randomUUID();
		try (MongoClient client = MongoClients.create(MongoTestStore.connectionString())) {
			MongoDatabase store = client.getDatabase(database);

			ChildApi firstApi = new ChildApi();
			ServiceProcess first = start("plan-service-kill-1", database, false, this.broker.getBrokersAsString(),
					firstApi);
			String eventId;
			try {
				firstApi.awaitReady(first, START_TIMEOUT);
				assertThat(firstApi.send(administrator(), "PUT", "/api/v1/units", PlanJson.provinceUnits("PLK"))
					.statusCode()).isEqualTo(202);
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(
							() -> assertThat(List.of("PLK", "PLK.SNV", "PLK.PTTH")).allSatisfy((code) -> assertThat(
									firstApi.send(adminOf(code), "GET", "/api/v1/units/" + code, null).statusCode())
								.isEqualTo(200)));
				assertThat(firstApi
					.send(administrator(), "PUT", "/api/v1/plans/" + PLAN_ID,
							PlanJson.json.writeValueAsString(PlanJson.yearPlan("PLK", 2026)))
					.statusCode()).isEqualTo(201);
				HttpResponse<String> issued = firstApi.send(administrator(), "POST",
						"/api/v1/plans/" + PLAN_ID + ":issue", "{\"issuedOn\": \"2026-01-15\"}");
				assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);

				List<Document> outbox = outbox(store);
				assertThat(outbox).hasSize(1);
				eventId = outbox.get(0).getString("eventId");
				assertThat(outbox.get(0).getString("type")).isEqualTo(EventTypes.PLAN_ISSUED_V1);
				assertThat(store.getCollection(Plans.COLLECTION).find(new Document("_id", PLAN_ID)).first())
					.containsEntry("status", "ISSUED");
				assertThat(recordsWithId(eventId)).as("the write is done, the publish is not").isEmpty();
			}
			finally {
				first.kill();
			}
			assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
			assertThat(outbox(store)).extracting((entry) -> entry.getString("eventId")).containsExactly(eventId);

			ChildApi secondApi = new ChildApi();
			ServiceProcess second = start("plan-service-kill-2", database, true, this.broker.getBrokersAsString(),
					secondApi);
			try {
				secondApi.awaitReady(second, START_TIMEOUT);
				await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outbox(store)).isEmpty());
				Date drained = lease(store).getDate("renewedAt");
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(lease(store).getDate("renewedAt")).as("a further relay round")
						.isAfter(drained));

				List<ConsumerRecord<String, String>> records = recordsWithId(eventId);
				assertThat(records).hasSize(1);
				assertThat(records.get(0).key()).isEqualTo(PLAN_ID);
				JsonNode event = PlanJson.json.readTree(records.get(0).value());
				assertThat(event.get("type").asString()).isEqualTo(EventTypes.PLAN_ISSUED_V1);
				assertThat(event.get("subject").asString()).isEqualTo(PLAN_ID);
				assertThat(event.get("data").get("plan").get("issuedOn").asString()).isEqualTo("2026-01-15");
				assertThat(secondApi.send(null, "GET", "/actuator/prometheus", null).body())
					.contains("cchc_outbox_published_total{aggregate=\"plan\",collection=\"plans\"} 1.0");
			}
			finally {
				second.stop();
			}
		}
	}

	private static List<Document> outbox(MongoDatabase store) {
		Document plan = store.getCollection(Plans.COLLECTION).find(new Document("_id", PLAN_ID)).first();
		return (plan != null) ? plan.getList("outbox", Document.class, List.of()) : List.of();
	}

	private static Document lease(MongoDatabase store) {
		Document lease = store.getCollection(OutboxRelay.LEASE_COLLECTION)
			.find(new Document("_id", OutboxRelay.LEASE_ID))
			.first();
		assertThat(lease).as("the relay lease").isNotNull();
		return lease;
	}

	private List<ConsumerRecord<String, String>> recordsWithId(String eventId) {
		return topic("cchc.plans").all()
			.stream()
			.filter((record) -> eventId.equals(PlanJson.json.readTree(record.value()).get("id").asString()))
			.toList();
	}

	/**
	 * plan-service in a JVM of its own, on the test's broker and store, trusting the
	 * tests' issuer and listening where the API says.
	 */
	private static ServiceProcess start(String name, String database, boolean relay, String brokers, ChildApi api)
			throws IOException {
		// Consumer groups of its own (the application name): joining the test context's
		// groups would take partitions away from it, and a killed member would hold them
		// until its session times out.
		return ServiceProcess.start(name, "vn.gov.cchc.plan.PlanServiceApplication",
				Map.of("MONGODB_URI", MongoTestStore.connectionString(), "MONGODB_DATABASE", database,
						"KAFKA_BOOTSTRAP_SERVERS", brokers, "CCHC_PLANS_OUTBOX_RELAY_ENABLED", Boolean.toString(relay),
						"CCHC_PLANS_OUTBOX_POLL_INTERVAL", "200ms", "SPRING_APPLICATION_NAME", name),
				List.of("--server.port=" + api.port, "--" + TEST_ISSUER, "--" + TEST_ISSUER_KEY));
	}

	/**
	 * The HTTP API of a child process, called with a bearer token. The port is chosen
	 * here and given as {@code --server.port}, which takes precedence over the
	 * {@code SERVER_PORT} the process is started with.
	 */
	private static final class ChildApi {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final int port;

		ChildApi() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				this.port = socket.getLocalPort();
			}
		}

		/** Waits until {@code /actuator/health/readiness} answers 200. */
		void awaitReady(ServiceProcess process, Duration timeout) throws InterruptedException {
			Instant deadline = Instant.now().plus(timeout);
			while (Instant.now().isBefore(deadline)) {
				if (exited(process)) {
					throw new IllegalStateException("Exited before it was ready; its log:\n" + process.logTail());
				}
				try {
					if (send(null, "GET", "/actuator/health/readiness", null).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(1000);
			}
			throw new IllegalStateException("Not ready within " + timeout + "; its log:\n" + process.logTail());
		}

		private static boolean exited(ServiceProcess process) {
			try {
				process.exitValue();
				return true;
			}
			catch (IllegalThreadStateException ex) {
				return false;
			}
		}

		/** Sends a request with a JSON body (or none), with the token if there is one. */
		HttpResponse<String> send(@Nullable String token, String method, String path, @Nullable String body)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(30))
				.header(HttpHeaders.CONTENT_TYPE, "application/json")
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
			if (token != null) {
				request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
			}
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

	}

}
