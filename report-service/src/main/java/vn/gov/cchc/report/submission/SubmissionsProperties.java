package vn.gov.cchc.report.submission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cchc.report.submissions.*}. The outbox relay's own settings are
 * {@code cchc.outbox.*}; application.yml sets its poll interval from
 * {@code cchc.report.submissions.relay-interval}.
 *
 * @param scanInterval how often rounds are opened and overdue drafts marked
 */
@ConfigurationProperties("cchc.report.submissions")
record SubmissionsProperties(Duration scanInterval) {

	SubmissionsProperties {
		scanInterval = (scanInterval != null) ? scanInterval : Duration.ofSeconds(60);
	}

}
