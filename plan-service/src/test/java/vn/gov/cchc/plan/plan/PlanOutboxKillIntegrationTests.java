package vn.gov.cchc.plan.plan;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * is driven step by step in {@link PlanOutboxRelayIntegrationTests}.
 */
class PlanOutboxKillIntegrationTests extends PlanServiceIntegrationTest {

	private static final String PLAN_ID = "PLK-KILL-2026";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	@Test
	void anIssuedPlansEventIsOnTheTopicExactlyOnceAfterTheServiceIsKilledBeforePublishingIt() throws Exception {
		String database = "cchc-plan-kill-" + UUID.randomUUID();
		try (MongoClient client = MongoClients.create(MongoTestStore.connectionString())) {
			MongoDatabase store = client.getDatabase(database);

			ServiceProcess first = start("plan-service-kill-1", database, false, this.broker.getBrokersAsString());
			String eventId;
			try {
				first.awaitReady(START_TIMEOUT);
				assertThat(first.send("PUT", "/api/v1/units", PlanJson.provinceUnits("PLK")).statusCode())
					.isEqualTo(202);
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(List.of("PLK", "PLK.SNV", "PLK.PTTH"))
						.allSatisfy((code) -> assertThat(first.send("GET", "/api/v1/units/" + code, null).statusCode())
							.isEqualTo(200)));
				assertThat(first
					.send("PUT", "/api/v1/plans/" + PLAN_ID,
							PlanJson.json.writeValueAsString(PlanJson.yearPlan("PLK", 2026)))
					.statusCode()).isEqualTo(201);
				HttpResponse<String> issued = first.send("POST", "/api/v1/plans/" + PLAN_ID + ":issue",
						"{\"issuedOn\": \"2026-01-15\"}");
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

			ServiceProcess second = start("plan-service-kill-2", database, true, this.broker.getBrokersAsString());
			try {
				second.awaitReady(START_TIMEOUT);
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
				assertThat(second.send("GET", "/actuator/prometheus", null).body())
					.contains("cchc_plans_outbox_published_total 1.0");
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
		Document lease = store.getCollection(PlanOutboxStore.RELAY_COLLECTION)
			.find(new Document("_id", PlanOutboxStore.LEASE_ID))
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

	/** plan-service in a JVM of its own, on the test's broker and store. */
	private static ServiceProcess start(String name, String database, boolean relay, String brokers)
			throws IOException {
		// Consumer groups of its own (the application name): joining the test context's
		// groups would take partitions away from it, and a killed member would hold them
		// until its session times out.
		return ServiceProcess.start(name, "vn.gov.cchc.plan.PlanServiceApplication",
				Map.of("MONGODB_URI", MongoTestStore.connectionString(), "MONGODB_DATABASE", database,
						"KAFKA_BOOTSTRAP_SERVERS", brokers, "CCHC_PLANS_OUTBOX_RELAY_ENABLED", Boolean.toString(relay),
						"CCHC_PLANS_OUTBOX_POLL_INTERVAL", "200ms", "SPRING_APPLICATION_NAME", name),
				List.of());
	}

}
