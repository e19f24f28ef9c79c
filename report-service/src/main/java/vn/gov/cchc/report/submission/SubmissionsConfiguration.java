package vn.gov.cchc.report.submission;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock the rounds run on (a bean, so that a test can move time past a cut-off), the
 * outbox relay and the scheduling of both jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SubmissionsProperties.class)
class SubmissionsConfiguration {

	@Bean
	SubmissionOutboxRelay submissionOutboxRelay(Submissions submissions, SubmissionsProperties properties,
			@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers, MeterRegistry meters) {
		return new SubmissionOutboxRelay(submissions, brokers, properties.sendTimeout(), meters);
	}

}
