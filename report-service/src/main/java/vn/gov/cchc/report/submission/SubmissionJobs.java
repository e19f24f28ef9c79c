package vn.gov.cchc.report.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled job: opening rounds whose cut-off passed (and marking overdue drafts).
 * Every instance runs it; opening is idempotent by {@code _id}, so running it twice does
 * no harm. The events it writes are relayed by platform-outbox.
 */
@Component
class SubmissionJobs {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionJobs.class);

	private final SubmissionRounds rounds;

	SubmissionJobs(SubmissionRounds rounds) {
		this.rounds = rounds;
	}

	@Scheduled(fixedDelayString = "${cchc.report.submissions.scan-interval:60s}",
			initialDelayString = "${cchc.report.submissions.scan-initial-delay:10s}")
	void scan() {
		try {
			this.rounds.scan();
		}
		catch (RuntimeException ex) {
			logger.warn("Scan of reporting rounds failed; next time: {}", ex.toString());
		}
	}

}
