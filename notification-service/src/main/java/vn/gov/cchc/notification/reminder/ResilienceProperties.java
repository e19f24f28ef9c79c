package vn.gov.cchc.notification.reminder;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Resilience4j policy of each provider: {@code cchc.notification.resilience.email}
 * for the SMTP server and {@code .sms} for the SMS gateway.
 */
@Validated
@ConfigurationProperties("cchc.notification.resilience")
public record ResilienceProperties(@Valid @DefaultValue Policy email, @Valid @DefaultValue Policy sms) {

	Policy of(Channel channel) {
		return (channel == Channel.EMAIL) ? this.email : this.sms;
	}

	/**
	 * @param retry retries of one message on its channel
	 * @param circuitBreaker when to stop calling a failing provider
	 * @param rateLimiter the provider's allowed rate
	 * @param bulkhead how many calls to the provider at once
	 */
	public record Policy(@Valid @DefaultValue Retry retry, @Valid @DefaultValue CircuitBreaker circuitBreaker,
			@Valid @DefaultValue RateLimiter rateLimiter, @Valid @DefaultValue Bulkhead bulkhead) {

	}

	/**
	 * Exponential backoff with jitter between attempts of one message.
	 *
	 * @param maxAttempts attempts in all, the first included
	 * @param initialWait the wait before the second attempt
	 * @param multiplier how much each wait grows
	 * @param jitter the share by which a wait is randomized, 0 to 1
	 */
	public record Retry(@DefaultValue("3") @Min(1) int maxAttempts, @DefaultValue("500ms") Duration initialWait,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
			@DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double jitter) {

	}

	/**
	 * @param failureRateThreshold the percentage of failed calls that opens the circuit
	 * @param slidingWindowSize the calls the rate is computed over
	 * @param minimumNumberOfCalls the calls needed before the rate counts
	 * @param waitInOpenState how long the circuit stays open before it lets a few calls
	 * try
	 * @param permittedCallsInHalfOpenState the calls that try
	 */
	public record CircuitBreaker(@DefaultValue("50") @Min(1) int failureRateThreshold,
			@DefaultValue("10") @Min(1) int slidingWindowSize, @DefaultValue("5") @Min(1) int minimumNumberOfCalls,
			@DefaultValue("30s") Duration waitInOpenState,
			@DefaultValue("2") @Min(1) int permittedCallsInHalfOpenState) {

	}

	/**
	 * @param limitForPeriod calls allowed per period
	 * @param period the period
	 * @param timeout how long a call waits for a permission
	 */
	public record RateLimiter(@DefaultValue("30") @Min(1) int limitForPeriod, @DefaultValue("1s") Duration period,
			@DefaultValue("30s") Duration timeout) {

	}

	/**
	 * @param maxConcurrentCalls calls to the provider at once, which is also the number
	 * of threads sending on the channel
	 * @param maxWait how long a call waits for a free place
	 */
	public record Bulkhead(@DefaultValue("4") @Min(1) int maxConcurrentCalls, @DefaultValue("30s") Duration maxWait) {

	}

}
