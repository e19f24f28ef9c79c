package vn.gov.cchc.gateway.limit;

/**
 * One client's allowance: {@code burst} requests at most, refilled continuously at
 * {@code perSecond}. Never waits: a request is let through or told when to come back.
 */
final class TokenBucket {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final double perSecond;

	private final int burst;

	private double tokens;

	private long refilledAt;

	private long usedAt;

	TokenBucket(RateLimitProperties.Limit limit, long now) {
		this.perSecond = limit.perSecond();
		this.burst = limit.burst();
		this.tokens = limit.burst();
		this.refilledAt = now;
		this.usedAt = now;
	}

	/**
	 * Takes one request's token if there is one.
	 * @param now {@link System#nanoTime()}
	 * @return 0 if taken, otherwise the nanoseconds until one is there
	 */
	synchronized long take(long now) {
		refill(now);
		this.usedAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		return (long) Math.ceil((1 - this.tokens) / this.perSecond * NANOS_PER_SECOND);
	}

	/** The requests the client may still send at once. */
	synchronized int remaining() {
		return (int) Math.floor(this.tokens);
	}

	int burst() {
		return this.burst;
	}

	/**
	 * Whether the bucket is unused since the cutoff and full, so that forgetting it
	 * changes nothing.
	 */
	synchronized boolean idleSince(long cutoff, long now) {
		refill(now);
		return this.usedAt - cutoff < 0 && this.tokens >= this.burst;
	}

	private void refill(long now) {
		long elapsed = now - this.refilledAt;
		if (elapsed > 0) {
			this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond / NANOS_PER_SECOND);
			this.refilledAt = now;
		}
	}

}
