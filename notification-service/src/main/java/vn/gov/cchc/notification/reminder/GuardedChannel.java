package vn.gov.cchc.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel sender behind its Resilience4j instances, applied from the outside in: retry
 * (exponential backoff with jitter, transient failures only), circuit breaker (counts
 * transient failures only: a bad address says nothing about the provider), rate limiter
 * at the provider's allowed rate, bulkhead. An open circuit fails at once, so a provider
 * that is down costs nothing but the fallback.
 */
class GuardedChannel {

	private static final Logger logger = LoggerFactory.getLogger(GuardedChannel.class);

	private final ChannelSender sender;

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private final RateLimiter rateLimiter;

	private final Bulkhead bulkhead;

	private final Clock clock;

	GuardedChannel(ChannelSender sender, Retry retry, CircuitBreaker circuitBreaker, RateLimiter rateLimiter,
			Bulkhead bulkhead, Clock clock) {
		this.sender = sender;
		this.retry = retry;
		this.circuitBreaker = circuitBreaker;
		this.rateLimiter = rateLimiter;
		this.bulkhead = bulkhead;
		this.clock = clock;
	}

	Channel channel() {
		return this.sender.channel();
	}

	/**
	 * How many messages the rate limiter lets through in this time: what one dispatcher
	 * round may hand the channel without its messages waiting past their lease.
	 */
	long messagesWithin(Duration time) {
		var config = this.rateLimiter.getRateLimiterConfig();
		long periods = Math.max(1, time.toNanos() / Math.max(1, config.getLimitRefreshPeriod().toNanos()));
		return Math.max(1, periods * config.getLimitForPeriod());
	}

	CircuitBreaker.State circuit() {
		return this.circuitBreaker.getState();
	}

	/**
	 * Sends the digest, retrying as the policy allows.
	 * @return the provider's reference and every attempt
	 * @throws ChannelFailure when the channel could not take it
	 */
	Sent send(Digest digest) throws ChannelFailure {
		List<Delivery.Attempt> attempts = new ArrayList<>();
		Callable<String> once = () -> {
			if (!attempts.isEmpty() && this.sender.lookup(digest.deliveryId()) == ChannelSender.Lookup.FOUND) {
				// A retry asks first: the provider may have taken the last attempt after
				// all (its answer lost, or it had not yet recorded it when first asked).
				attempts.add(new Delivery.Attempt(this.clock.instant(), "found", digest.deliveryId()));
				return digest.deliveryId();
			}
			try {
				String reference = this.sender.send(digest);
				attempts.add(new Delivery.Attempt(this.clock.instant(), "sent", reference));
				return reference;
			}
			catch (RuntimeException ex) {
				boolean inDoubt = ex instanceof DeliveryException failure && failure.inDoubt();
				attempts
					.add(new Delivery.Attempt(this.clock.instant(), inDoubt ? "in-doubt" : "failed", ex.getMessage()));
				throw ex;
			}
		};
		Callable<String> guarded = Retry
			.decorateCallable(this.retry, CircuitBreaker.decorateCallable(this.circuitBreaker,
					RateLimiter.decorateCallable(this.rateLimiter, Bulkhead.decorateCallable(this.bulkhead, once))));
		try {
			return new Sent(guarded.call(), attempts);
		}
		catch (DeliveryException ex) {
			if (ex.inDoubt()) {
				throw ChannelFailure.inDoubt(ex.getMessage(), attempts);
			}
			throw new ChannelFailure(ex.getMessage(), ex.permanent(), attempts);
		}
		catch (CallNotPermittedException ex) {
			attempts.add(new Delivery.Attempt(this.clock.instant(), "not-attempted", "circuit open"));
			throw new ChannelFailure("Mạch ngắt đang mở: nhà cung cấp " + channel() + " đang lỗi", false, attempts);
		}
		catch (RequestNotPermitted | BulkheadFullException ex) {
			attempts.add(new Delivery.Attempt(this.clock.instant(), "not-attempted", ex.getMessage()));
			throw new ChannelFailure("Vượt giới hạn gửi của kênh " + channel(), false, attempts);
		}
		catch (Exception ex) {
			logger.warn("Unexpected failure sending delivery {} by {}", digest.deliveryId(), channel(), ex);
			throw new ChannelFailure("Lỗi ngoài dự kiến: " + ex, false, attempts);
		}
	}

	/** Asks the provider about an earlier message, unless the circuit says it is down. */
	ChannelSender.Lookup lookup(String deliveryId) {
		if (!this.circuitBreaker.tryAcquirePermission()) {
			return ChannelSender.Lookup.UNKNOWN;
		}
		long start = System.nanoTime();
		try {
			ChannelSender.Lookup answer = this.sender.lookup(deliveryId);
			this.circuitBreaker.onResult(System.nanoTime() - start, TimeUnit.NANOSECONDS, answer);
			return answer;
		}
		catch (RuntimeException ex) {
			this.circuitBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			return ChannelSender.Lookup.UNKNOWN;
		}
	}

	/** The provider took the message. */
	record Sent(String reference, List<Delivery.Attempt> attempts) {

	}

	/** The channel could not take the message. */
	static final class ChannelFailure extends Exception {

		private final boolean permanent;

		private final List<Delivery.Attempt> attempts;

		private final boolean inDoubt;

		ChannelFailure(String message, boolean permanent, List<Delivery.Attempt> attempts) {
			this(message, permanent, false, attempts);
		}

		private ChannelFailure(String message, boolean permanent, boolean inDoubt, List<Delivery.Attempt> attempts) {
			super(message, null, false, false);
			this.permanent = permanent;
			this.inDoubt = inDoubt;
			this.attempts = List.copyOf(attempts);
		}

		/** The provider may have taken the message; the last attempt says so. */
		static ChannelFailure inDoubt(String message, List<Delivery.Attempt> attempts) {
			return new ChannelFailure(message, false, true, attempts);
		}

		boolean permanent() {
			return this.permanent;
		}

		boolean inDoubt() {
			return this.inDoubt;
		}

		List<Delivery.Attempt> attempts() {
			return this.attempts;
		}

	}

}
