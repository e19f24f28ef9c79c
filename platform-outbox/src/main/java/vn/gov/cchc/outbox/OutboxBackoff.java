package vn.gov.cchc.outbox;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pause of a relay after failed rounds: the poll interval, doubled at every failure
 * in a row, up to {@value #MAX_BACKOFF_SECONDS} seconds. Used by the relay's thread only.
 */
final class OutboxBackoff {

	// The relay's logger: these are the relay's messages, configured with it.
	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	static final long MAX_BACKOFF_SECONDS = 30;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(MAX_BACKOFF_SECONDS);

	private final Duration pollInterval;

	private int failures;

	private Instant retryAfter = Instant.MIN;

	OutboxBackoff(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/** Whether rounds wait still, after failures. */
	boolean pausing(Instant now) {
		return now.isBefore(this.retryAfter);
	}

	/** A round went through: the next one need not wait. */
	void succeeded() {
		this.failures = 0;
	}

	/** A round failed at {@code now}: the next one waits longer than the last. */
	void failed(Instant now) {
		this.failures++;
		Duration pause = this.pollInterval.multipliedBy(1L << Math.min(this.failures, 10));
		this.retryAfter = now.plus((pause.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : pause);
		logger.warn("Outbox relay: {} failed round(s) in a row, retrying after {}", this.failures, this.retryAfter);
	}

}
