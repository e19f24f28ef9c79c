package vn.gov.cchc.report.submission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cchc.report.submissions.*}.
 *
 * @param scanInterval how often rounds are opened and overdue drafts marked
 * @param relayInterval how often the outbox relay sends pending events
 * @param sendTimeout how long the relay waits for the broker on one event
 */
@ConfigurationProperties("cchc.report.submissions")
record SubmissionsProperties(Duration scanInterval, Duration relayInterval, Duration sendTimeout) {

	SubmissionsProperties {
		scanInterval = (scanInterval != null) ? scanInterval : Duration.ofSeconds(60);
		relayInterval = (relayInterval != null) ? relayInterval : Duration.ofSeconds(1);
		sendTimeout = (sendTimeout != null) ? sendTimeout : Duration.ofSeconds(10);
	}

}
