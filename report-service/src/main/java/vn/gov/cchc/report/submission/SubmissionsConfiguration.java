package vn.gov.cchc.report.submission;

import vn.gov.cchc.events.Topics;
import vn.gov.cchc.outbox.Outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The scheduling of the rounds' job, and where the submission events wait: the
 * {@code pending} of each submission's and each round's document, relayed to
 * {@code cchc.submissions} by platform-outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubmissionsConfiguration {

	@Bean
	Outbox roundEventsOutbox() {
		return new Outbox("round", Submissions.ROUNDS, "pending", Topics.SUBMISSIONS);
	}

	@Bean
	Outbox submissionEventsOutbox() {
		return new Outbox("submission", Submissions.COLLECTION, "pending", Topics.SUBMISSIONS);
	}

}
