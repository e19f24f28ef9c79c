package vn.gov.cchc.plan;

import vn.gov.cchc.testing.MongoTestStore;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The running service against a real Kafka broker (embedded KRaft) and a MongoDB
 * (Testcontainers or the embedded wire-compatible store). Every integration test class
 * extends this one, so they share one application context and one broker; tests keep
 * apart by the unit codes and event ids they use, and measure topics by the records they
 * add.
 *
 * <p>
 * {@code cchc.units} is left for the binder to create, so that the tests see the topic
 * configuration the service asks for.
 *
 * <p>
 * The store's client reports every command to {@link StoreCommands}, so that tests can
 * count what a request costs the store.
 *
 * <p>
 * The service trusts the tests' issuer ({@link TestTokens}); every request to the API
 * carries one of its tokens (see {@link TestCallers}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { PlanServiceIntegrationTest.TEST_ISSUER, PlanServiceIntegrationTest.TEST_ISSUER_KEY })
@AutoConfigureMockMvc
@AutoConfigureMetrics
@Import(StoreCommands.Listening.class)
@EmbeddedKafka(partitions = 3, topics = { "cchc.progress", "cchc.plans" },
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
public abstract class PlanServiceIntegrationTest {

	/** The issuer of the tests' tokens. */
	public static final String TEST_ISSUER = "cchc.security.issuer=" + TestTokens.ISSUER;

	/** The key the tests' tokens are signed with. */
	public static final String TEST_ISSUER_KEY = "cchc.security.public-key-location=" + TestTokens.PUBLIC_KEY_LOCATION;

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected EmbeddedKafkaBroker broker;

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		MongoTestStore.register(registry, "cchc-plan-it");
	}

	protected TopicRecords topic(String name) {
		return new TopicRecords(this.broker.getBrokersAsString(), name);
	}

}
