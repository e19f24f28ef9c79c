package vn.gov.cchc.plan.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.plan.plan.PlanFixtures;
import vn.gov.cchc.plan.PlanServiceIntegrationTest;
import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.cchc.plan.TestCallers.bearer;

/**
 * With the broker gone, a report (or a batch) is answered 503 within the producer's
 * bounded wait, not held until the client gives up, and is not recorded. The broker of
 * this class is its own, since the test stops it.
 */
@SpringBootTest(properties = { "spring.cloud.stream.kafka.binder.producer-properties.max.block.ms=2000",
		"spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms=1500",
		"spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms=3000",
		PlanServiceIntegrationTest.TEST_ISSUER, PlanServiceIntegrationTest.TEST_ISSUER_KEY })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = "cchc.progress",
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
@DirtiesContext
class KafkaUnavailableIntegrationTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private JsonMapper json;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-plan-it-kafka-down");
	}

	@Test
	void answers503InBoundedTimeAndRecordsNothingWhenTheBrokerIsGone() {
		assertThat(this.mvc.put()
			.uri("/api/v1/units")
			.with(bearer(TestTokens.admin("27")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"code": "27", "name": "Tỉnh Bắc Ninh", "kind": "PROVINCE", "validFrom": "1997-01-01"}]""")
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/api/v1/units/27").with(bearer(TestTokens.admin("27"))))
				.hasStatusOk());
		PlanFixtures.storeIssued(this.mongo, this.json, PlanFixtures.oneYearPlan("IT-DOWN-2026", "27", "27", 2026));

		this.broker.destroy();
		long started = System.nanoTime();
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/progress")
			.with(bearer(TestTokens.officer("27")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"eventId": "it-down-0001", "unitCode": "27", "planId": "IT-DOWN-2026", "activityId": "HD01",
					 "date": "2026-01-15", "quantities": {"minutes": 15}, "reporter": "Trần Thị Mai"}"""
				.getBytes(StandardCharsets.UTF_8))
			.exchange();
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "5");
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://cchc.gov.vn/problems/event-bus-unavailable");
		// delivery.timeout.ms is 3 s here; the handler waits at most that plus its 5 s
		// margin.
		assertThat(waited).isLessThan(Duration.ofSeconds(10));
		// The broker may have written the record before the wait ran out, so the id stays
		// claimed for this report: its retry publishes again, another report gets 409.
		Document receipt = StoredReceipts.claim(this.mongo.getDb(), "it-down-0001");
		assertThat(receipt).isNotNull();
		assertThat(receipt.getString("status")).isEqualTo("PENDING");

		// A batch of which nothing could be published is answered like a single report,
		// and claims nothing as recorded.
		MvcTestResult batch = this.mvc.post()
			.uri("/api/v1/progress:batch")
			.with(bearer(TestTokens.machine("27")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					[{"eventId": "it-down-0002", "unitCode": "27", "planId": "IT-DOWN-2026", "activityId": "HD01",
					  "date": "2026-01-16", "quantities": {"minutes": 15}, "reporter": "Trần Thị Mai"},
					 {"eventId": "it-down-0003", "unitCode": "27", "planId": "IT-DOWN-2026", "activityId": "HD01",
					  "date": "2026-01-17", "quantities": {"minutes": 20}, "reporter": "Trần Thị Mai"}]"""
				.getBytes(StandardCharsets.UTF_8))
			.exchange();

		assertThat(batch).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "5");
		for (String eventId : new String[] { "it-down-0002", "it-down-0003" }) {
			Document claimed = StoredReceipts.claim(this.mongo.getDb(), eventId);
			assertThat(claimed).isNotNull();
			assertThat(claimed.getString("status")).isEqualTo("PENDING");
		}
	}

}
