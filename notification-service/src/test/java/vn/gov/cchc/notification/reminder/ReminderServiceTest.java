package vn.gov.cchc.notification.reminder;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import vn.gov.cchc.events.Topics;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a real Kafka broker (embedded KRaft) with the reminder test rules
 * ({@code application-reminders-test.yml}) and a {@link MutableClock} the test moves,
 * starting on 1 June 2026 at 10:00 in Vietnam. It takes the tokens of {@link TestTokens}.
 * The test class points the service at its MongoDB and its {@link Providers} with a
 * {@code @DynamicPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cchc.security.issuer=" + TestTokens.ISSUER,
				"cchc.security.public-key-location=" + TestTokens.PUBLIC_KEY_LOCATION })
@AutoConfigureRestTestClient
@ActiveProfiles("reminders-test")
@EmbeddedKafka(partitions = 3,
		topics = { Topics.UNITS, Topics.SUBMISSIONS, "cchc.units.dlq", "cchc.submissions.dlq", Topics.NOTIFICATIONS },
		bootstrapServersProperty = "spring.cloud.stream.kafka.binder.brokers")
@Import(ReminderServiceTest.Time.class)
@interface ReminderServiceTest {

	@TestConfiguration(proxyBeanMethods = false)
	class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-06-01T03:00:00Z"));
		}

	}

}
