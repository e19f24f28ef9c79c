package vn.gov.cchc.notification.reminder;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.events.Topics;
import vn.gov.cchc.notification.contact.Contacts;
import vn.gov.cchc.outbox.Outbox;
import vn.gov.cchc.outbox.OutboxRelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Wires the reminders: one named Resilience4j instance of each kind per channel
 * ({@code email} for the SMTP server, {@code sms} for the SMS gateway), their metrics, a
 * sending pool per channel as large as its bulkhead, the dispatcher's scheduled round,
 * and where its events wait for platform-outbox's relay, which the dispatcher wakes once
 * it has recorded a round's deliveries.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ ReminderProperties.class, ResilienceProperties.class })
class ReminderConfiguration implements SchedulingConfigurer {

	/** The deliveries' outbox. */
	static final Outbox DELIVERY_EVENTS = new Outbox("delivery", "deliveries", "outbox", Topics.NOTIFICATIONS);

	private final ReminderProperties properties;

	private final ReminderDispatcher dispatcher;

	private final SubmissionsCaughtUp caughtUp;

	ReminderConfiguration(ReminderProperties properties, ReminderDispatcher dispatcher, SubmissionsCaughtUp caughtUp) {
		this.properties = properties;
		this.dispatcher = dispatcher;
		this.caughtUp = caughtUp;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> {
			if (this.caughtUp.caughtUp()) {
				this.dispatcher.runOnce();
			}
		}, this.properties.dispatch().interval());
	}

	@Configuration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		RetryRegistry reminderRetries(MeterRegistry meters) {
			RetryRegistry registry = RetryRegistry.ofDefaults();
			TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
			return registry;
		}

		@Bean
		CircuitBreakerRegistry reminderCircuitBreakers(MeterRegistry meters) {
			CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
			return registry;
		}

		@Bean
		RateLimiterRegistry reminderRateLimiters(MeterRegistry meters) {
			RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
			TaggedRateLimiterMetrics.ofRateLimiterRegistry(registry).bindTo(meters);
			return registry;
		}

		@Bean
		BulkheadRegistry reminderBulkheads(MeterRegistry meters) {
			BulkheadRegistry registry = BulkheadRegistry.ofDefaults();
			TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
			return registry;
		}

		@Bean
		ChannelGuards reminderChannels(List<ChannelSender> senders, ResilienceProperties resilience,
				RetryRegistry retries, CircuitBreakerRegistry circuitBreakers, RateLimiterRegistry rateLimiters,
				BulkheadRegistry bulkheads, Clock clock) {
			Map<Channel, GuardedChannel> guarded = new EnumMap<>(Channel.class);
			Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class);
			for (ChannelSender sender : senders) {
				Channel channel = sender.channel();
				String name = channel.name().toLowerCase(Locale.ROOT);
				ResilienceProperties.Policy policy = resilience.of(channel);
				Retry retry = retries.retry(name,
						RetryConfig.custom()
							.maxAttempts(policy.retry().maxAttempts())
							.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(policy.retry().initialWait(),
									policy.retry().multiplier(), policy.retry().jitter()))
							// Not a message the provider may have taken: sent again, it
							// could arrive twice.
							.retryOnException((ex) -> ex instanceof DeliveryException failure && failure.retryable())
							.build());
				CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(name, CircuitBreakerConfig.custom()
					.failureRateThreshold(policy.circuitBreaker().failureRateThreshold())
					.slidingWindowSize(policy.circuitBreaker().slidingWindowSize())
					.minimumNumberOfCalls(policy.circuitBreaker().minimumNumberOfCalls())
					.waitDurationInOpenState(policy.circuitBreaker().waitInOpenState())
					.permittedNumberOfCallsInHalfOpenState(policy.circuitBreaker().permittedCallsInHalfOpenState())
					// A refused address says nothing about whether the provider works.
					.ignoreException((ex) -> ex instanceof DeliveryException failure && failure.permanent())
					.build());
				RateLimiter rateLimiter = rateLimiters.rateLimiter(name,
						RateLimiterConfig.custom()
							.limitForPeriod(policy.rateLimiter().limitForPeriod())
							.limitRefreshPeriod(policy.rateLimiter().period())
							.timeoutDuration(policy.rateLimiter().timeout())
							.build());
				Bulkhead bulkhead = bulkheads.bulkhead(name,
						BulkheadConfig.custom()
							.maxConcurrentCalls(policy.bulkhead().maxConcurrentCalls())
							.maxWaitDuration(policy.bulkhead().maxWait())
							.build());
				guarded.put(channel, new GuardedChannel(sender, retry, circuitBreaker, rateLimiter, bulkhead, clock));
				AtomicInteger threads = new AtomicInteger();
				pools.put(channel, Executors.newFixedThreadPool(policy.bulkhead().maxConcurrentCalls(), (task) -> {
					Thread thread = new Thread(task, "reminders-" + name + "-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}));
			}
			for (Channel channel : Channel.values()) {
				if (!guarded.containsKey(channel)) {
					throw new IllegalStateException("No sender for the " + channel + " channel");
				}
			}
			return new ChannelGuards(guarded, pools);
		}

		/**
		 * After a start, the dispatcher waits (at most
		 * {@code cchc.notification.reminders.dispatch.catch-up-wait}) for the submission
		 * consumer to read what was already on its topic.
		 */
		@Bean
		SubmissionsCaughtUp submissionsCaughtUp(Environment environment,
				@Value("${cchc.notification.reminders.dispatch.catch-up-wait:2m}") Duration longestWait) {
			return new SubmissionsCaughtUp(environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"),
					Topics.SUBMISSIONS,
					environment.getRequiredProperty("spring.cloud.stream.bindings.submissionEvents-in-0.group"),
					longestWait);
		}

		@Bean
		ReminderDispatcher reminderDispatcher(Reminders reminders, Deliveries deliveries, Deadlines deadlines,
				Contacts contacts, ReminderSchedule schedule, ReminderProperties properties, ChannelGuards channels,
				ReminderMetrics metrics, Clock clock, OutboxRelay relay) {
			String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
			return new ReminderDispatcher(reminders, deliveries, deadlines, contacts, schedule, properties,
					channels.guarded(), channels.pools(), metrics, clock, owner,
					(deliveryIds) -> relay.relaySoon(DELIVERY_EVENTS, deliveryIds));
		}

		/**
		 * Where the reminder events wait: the {@code outbox} of each delivery, relayed to
		 * {@code cchc.notifications} by platform-outbox.
		 */
		@Bean
		Outbox reminderEventsOutbox() {
			return DELIVERY_EVENTS;
		}

	}

	/** The guarded channels and their sending pools, shut down with the context. */
	record ChannelGuards(Map<Channel, GuardedChannel> guarded,
			Map<Channel, ExecutorService> pools) implements AutoCloseable {

		@Override
		public void close() {
			this.pools.values().forEach(ExecutorService::shutdownNow);
		}

	}

}
