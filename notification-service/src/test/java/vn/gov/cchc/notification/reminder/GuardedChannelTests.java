package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.notification.sms.GenericJsonSmsGateway;
import vn.gov.cchc.notification.sms.SmsChannelSender;
import vn.gov.cchc.notification.sms.SmsComposer;
import vn.gov.cchc.notification.sms.SmsProperties;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarded SMS channel against a real HTTP provider (WireMock): a retry never sends
 * again what the provider took.
 */
class GuardedChannelTests {

	private static final String MESSAGES = "/sms/v1/messages";

	private static final String LOOKUP = MESSAGES + "/by-reference/d-race";

	private final WireMockServer provider = new WireMockServer(options().dynamicPort());

	@BeforeEach
	void startProvider() {
		this.provider.start();
	}

	@AfterEach
	void stopProvider() {
		this.provider.stop();
	}

	@Test
	void aRetryAsksTheProviderFirstAndDoesNotSendAgainAMessageItTookAfterSayingItHadNot() throws Exception {
		// The answer to the message comes too late, and the lookup right after the
		// timeout does not see it yet (the provider had not recorded it); by the retry it
		// does.
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"late\"}").withFixedDelay(1500)));
		this.provider.stubFor(get(LOOKUP).inScenario("recording")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(status(404))
			.willSetStateTo("recorded"));
		this.provider.stubFor(get(LOOKUP).inScenario("recording")
			.whenScenarioStateIs("recorded")
			.willReturn(okJson("{\"reference\": \"d-race\"}")));

		GuardedChannel.Sent sent = channel().send(digest());

		assertThat(sent.reference()).isEqualTo("d-race");
		assertThat(sent.attempts()).extracting(Delivery.Attempt::outcome).containsExactly("failed", "found");
		this.provider.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
		this.provider.verify(2, getRequestedFor(urlEqualTo(LOOKUP)));
	}

	@Test
	void aRetryOfAMessageTheProviderDoesNotHaveSendsItAgain() throws Exception {
		this.provider.stubFor(post(MESSAGES).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(status(503))
			.willSetStateTo("back"));
		this.provider.stubFor(post(MESSAGES).inScenario("outage")
			.whenScenarioStateIs("back")
			.willReturn(okJson("{\"id\": \"m-2\"}")));
		this.provider.stubFor(get(LOOKUP).willReturn(status(404)));

		GuardedChannel.Sent sent = channel().send(digest());

		assertThat(sent.reference()).isEqualTo("m-2");
		assertThat(sent.attempts()).extracting(Delivery.Attempt::outcome).containsExactly("failed", "sent");
		this.provider.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
		this.provider.verify(1, getRequestedFor(urlEqualTo(LOOKUP)));
	}

	private GuardedChannel channel() {
		SmsProperties properties = new SmsProperties(GenericJsonSmsGateway.PROVIDER,
				URI.create(this.provider.baseUrl() + "/sms/v1"), "k", null, null, "CCHC", false, 2,
				Duration.ofSeconds(2), Duration.ofMillis(500));
		SmsChannelSender sender = new SmsChannelSender(new SmsComposer(false, 2), new GenericJsonSmsGateway(properties),
				new SimpleMeterRegistry());
		Retry retry = Retry.of("sms",
				RetryConfig.custom()
					.maxAttempts(2)
					.intervalFunction(IntervalFunction.of(Duration.ofMillis(50)))
					.retryOnException((ex) -> ex instanceof DeliveryException failure && failure.retryable())
					.build());
		return new GuardedChannel(sender, retry, CircuitBreaker.ofDefaults("sms"), RateLimiter.ofDefaults("sms"),
				Bulkhead.ofDefaults("sms"), Clock.systemUTC());
	}

	private static Digest digest() {
		Recipient commune = new Recipient("26881", "Xã Hòa Long", null, null, "0912345678");
		DigestItem item = new DigestItem("KH-1:2026-Q2:26881", "26881", "Xã Hòa Long", "KH-1", "2026-Q2",
				PeriodType.QUARTER, LocalDate.of(2026, 7, 9), ReminderKind.BEFORE, 3,
				URI.create("https://cchc.local/?unit=26881"));
		return new Digest("d-race", Channel.SMS, commune, Locale.forLanguageTag("vi"), List.of(item),
				Instant.parse("2026-07-06T01:00:00Z"), URI.create("https://cchc.local/?unit=26881"));
	}

}
