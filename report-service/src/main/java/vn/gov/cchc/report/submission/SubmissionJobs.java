package vn.gov.cchc.report.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled jobs: opening rounds whose cut-off passed (and marking overdue drafts),
 * and relaying the outbox. Every instance runs both; opening is idempotent by {@code _id}
 * and sending by CloudEvent id, so running them twice does no harm.
 */
@Component
class SubmissionJobs {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionJobs.class);

	private final SubmissionRounds rounds;

	private final SubmissionOutboxRelay relay;

	SubmissionJobs(SubmissionRounds rounds, SubmissionOutboxRelay relay) {
		this.rounds = rounds;
		this.relay = relay;
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

	@Scheduled(fixedDelayString = "${cchc.report.submissions.relay-interval:1s}")
	void relay() {
		try {
			this.relay.relayOnce();
		}
		catch (RuntimeException ex) {
			logger.warn("Submission outbox relay round failed; next time: {}", ex.toString());
		}
	}

}
