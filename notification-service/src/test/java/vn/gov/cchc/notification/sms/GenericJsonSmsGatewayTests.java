package vn.gov.cchc.notification.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.gov.cchc.notification.reminder.ChannelSender.Lookup;
import vn.gov.cchc.notification.reminder.DeliveryException;
import vn.gov.cchc.notification.sms.SmsText.Encoding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GenericJsonSmsGatewayTests {

	private static final String MESSAGES = "/sms/v1/messages";

	private static final SmsMessage MESSAGE = SmsMessage
		.of("CCHC: Xa Hoa Long con 3 ngay nop bao cao 2026-Q2 (han 09/07/2026). Chi tiet: https://cchc.bacninh.gov.vn/u/09319");

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
	void postsTheMessageAsJsonWithTheApiKeyAndReturnsTheProvidersId() {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"msg-7781\", \"status\": \"queued\"}")));

		String id = gateway("k-123", null, null).send("dlv-1", "0912 345 678", MESSAGE);

		assertThat(id).isEqualTo("msg-7781");
		this.provider.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
			.withHeader("Authorization", equalTo("Bearer k-123"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson(
					"""
							{"reference": "dlv-1", "from": "CCHC", "to": "84912345678",
							 "text": "CCHC: Xa Hoa Long con 3 ngay nop bao cao 2026-Q2 (han 09/07/2026). Chi tiet: https://cchc.bacninh.gov.vn/u/09319",
							 "encoding": "GSM_7", "segments": 1}
							""")));
	}

	@Test
	void aUcs2MessageKeepsItsDiacriticsOnTheWire() {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"msg-1\"}")));
		SmsMessage message = SmsMessage.of("CCHC: Xã Hòa Long còn 3 ngày nộp báo cáo 2026-Q2.");

		gateway("k-123", null, null).send("dlv-2", "0912345678", message);

		this.provider.verify(postRequestedFor(urlEqualTo(MESSAGES))
			.withRequestBody(matchingJsonPath("$.text", equalTo("CCHC: Xã Hòa Long còn 3 ngày nộp báo cáo 2026-Q2.")))
			.withRequestBody(matchingJsonPath("$.encoding", equalTo("UCS_2"))));
		assertThat(message.encoding()).isEqualTo(Encoding.UCS_2);
	}

	@Test
	void usesBasicAuthenticationWhenThereIsNoApiKey() {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"msg-1\"}")));

		gateway(null, "cchc", "mật-khẩu").send("dlv-1", "0912345678", MESSAGE);

		// base64("cchc:mật-khẩu") in UTF-8
		this.provider.verify(postRequestedFor(urlEqualTo(MESSAGES)).withHeader("Authorization",
				equalTo("Basic Y2NoYzpt4bqtdC1raOG6qXU=")));
	}

	@Test
	void sendsNoCredentialsWhenNoneAreConfigured() {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"msg-1\"}")));

		gateway(null, null, null).send("dlv-1", "0912345678", MESSAGE);

		this.provider.verify(postRequestedFor(urlEqualTo(MESSAGES)).withHeader("Authorization", absent()));
	}

	@Test
	void anAcceptedMessageWithoutAnIdIsKnownByItsReference() {
		this.provider.stubFor(post(MESSAGES).willReturn(status(202)));

		assertThat(gateway("k", null, null).send("dlv-9", "0912345678", MESSAGE)).isEqualTo("dlv-9");

		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"status\": \"queued\"}")));

		assertThat(gateway("k", null, null).send("dlv-10", "0912345678", MESSAGE)).isEqualTo("dlv-10");
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 425, 429, 500, 502, 503, 504 })
	void anAnswerThatMayChangeLaterIsATransientFailure(int status) {
		this.provider.stubFor(post(MESSAGES).willReturn(status(status).withBody("{\"error\": \"try later\"}")));

		DeliveryException failure = sendFailure(gateway("k", null, null), "0912345678");

		assertThat(failure.permanent()).isFalse();
		assertThat(failure).hasMessageContaining(Integer.toString(status)).hasMessageContaining("dlv-1");
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 413, 422 })
	void aRefusalIsAPermanentFailure(int status) {
		this.provider.stubFor(post(MESSAGES).willReturn(status(status).withBody("{\"error\": \"no\"}")));

		DeliveryException failure = sendFailure(gateway("k", null, null), "0912345678");

		assertThat(failure.permanent()).isTrue();
		assertThat(failure).hasMessageContaining(Integer.toString(status));
		this.provider.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void aProviderThatDoesNotAnswerInTimeIsATransientFailure() {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"late\"}").withFixedDelay(3000)));
		this.provider.stubFor(get("/sms/v1/messages/by-reference/dlv-1").willReturn(status(404)));
		long start = System.nanoTime();

		DeliveryException failure = sendFailure(impatient(), "0912345678");

		// The provider says it has no such message (its lookup answers 404): retried.
		assertThat(failure.retryable()).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void aMessageTheProviderTookButAnsweredTooLateForIsNotSentAgain() {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"late\"}").withFixedDelay(3000)));
		this.provider.stubFor(get("/sms/v1/messages/by-reference/dlv-late")
			.willReturn(okJson("{\"id\": \"late\", \"reference\": \"dlv-late\"}")));

		assertThat(impatient().send("dlv-late", "0912345678", MESSAGE)).isEqualTo("dlv-late");
		this.provider.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void aMessageWithoutAnAnswerThatTheProviderCannotLookUpIsInDoubt() {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"late\"}").withFixedDelay(3000)));
		this.provider.stubFor(get("/sms/v1/messages/by-reference/dlv-1").willReturn(status(503)));

		DeliveryException failure = sendFailure(impatient(), "0912345678");

		assertThat(failure.inDoubt()).isTrue();
		assertThat(failure.permanent()).isFalse();
		assertThat(failure.retryable()).isFalse();
		this.provider.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void aDroppedConnectionIsATransientFailure() {
		this.provider.stubFor(post(MESSAGES).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThat(sendFailure(gateway("k", null, null), "0912345678").permanent()).isFalse();
	}

	@Test
	void anUnreachableProviderIsATransientFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		GenericJsonSmsGateway gateway = new GenericJsonSmsGateway(properties(
				URI.create("http://localhost:" + closedPort + "/sms/v1"), "k", null, null, Duration.ofSeconds(5)));

		assertThat(sendFailure(gateway, "0912345678").permanent()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0912 345 678", "0912.345.678", "0912-345-678", "+84 912345678", "+84 (0) 912 345 678",
			"84912345678", "0084 912 345 678", " 0912345678 " })
	void aVietnameseMobileNumberIsSentInTheInternationalForm(String phone) {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"msg-1\"}")));

		gateway("k", null, null).send("dlv-1", phone, MESSAGE);

		this.provider.verify(postRequestedFor(urlEqualTo(MESSAGES))
			.withRequestBody(matchingJsonPath("$.to", equalTo("84912345678"))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "không có", "091234567", "09123456789", "0243 825 1234", "0112345678",
			"+1 415 555 0100", "+85 912345678", "849123456780", "0912 345 67a" })
	void aNumberThatIsNoVietnameseMobileFailsPermanentlyWithoutARequest(String phone) {
		this.provider.stubFor(post(MESSAGES).willReturn(okJson("{\"id\": \"msg-1\"}")));

		DeliveryException failure = sendFailure(gateway("k", null, null), phone);

		assertThat(failure.permanent()).isTrue();
		this.provider.verify(0, anyRequestedFor(anyUrl()));
		assertThat(this.provider.getAllServeEvents()).isEmpty();
	}

	@Test
	void aMessageTheProviderHasIsFound() {
		this.provider.stubFor(get("/sms/v1/messages/by-reference/dlv-1")
			.willReturn(okJson("{\"id\": \"msg-7781\", \"reference\": \"dlv-1\"}")));

		assertThat(gateway("k", null, null).lookup("dlv-1")).isEqualTo(Lookup.FOUND);
		this.provider.verify(1, anyRequestedFor(urlEqualTo("/sms/v1/messages/by-reference/dlv-1"))
			.withHeader("Authorization", equalTo("Bearer k")));
	}

	@Test
	void aMessageTheProviderDoesNotHaveIsNotFound() {
		this.provider.stubFor(get("/sms/v1/messages/by-reference/dlv-2").willReturn(status(404)));

		assertThat(gateway("k", null, null).lookup("dlv-2")).isEqualTo(Lookup.NOT_FOUND);
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 429, 500, 503 })
	void anyOtherAnswerToALookupIsUnknown(int status) {
		this.provider.stubFor(get("/sms/v1/messages/by-reference/dlv-3").willReturn(status(status)));

		assertThat(gateway("k", null, null).lookup("dlv-3")).isEqualTo(Lookup.UNKNOWN);
	}

	@Test
	void aLookupWithoutAnAnswerIsUnknown() {
		this.provider.stubFor(get("/sms/v1/messages/by-reference/dlv-4").willReturn(okJson("{}").withFixedDelay(3000)));
		this.provider.stubFor(get("/sms/v1/messages/by-reference/dlv-5")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThat(impatient().lookup("dlv-4")).isEqualTo(Lookup.UNKNOWN);
		assertThat(gateway("k", null, null).lookup("dlv-5")).isEqualTo(Lookup.UNKNOWN);
	}

	private static DeliveryException sendFailure(GenericJsonSmsGateway gateway, String phone) {
		DeliveryException failure = catchThrowableOfType(DeliveryException.class,
				() -> gateway.send("dlv-1", phone, MESSAGE));
		assertThat(failure).as("a DeliveryException").isNotNull();
		return failure;
	}

	private GenericJsonSmsGateway gateway(@Nullable String apiKey, @Nullable String username,
			@Nullable String password) {
		// A read timeout that a loaded build machine never reaches by accident.
		return new GenericJsonSmsGateway(properties(URI.create(this.provider.baseUrl() + "/sms/v1"), apiKey, username,
				password, Duration.ofSeconds(5)));
	}

	/** A gateway with a read timeout of 500 ms, for a provider that answers in 3 s. */
	private GenericJsonSmsGateway impatient() {
		return new GenericJsonSmsGateway(
				properties(URI.create(this.provider.baseUrl() + "/sms/v1"), "k", null, null, Duration.ofMillis(500)));
	}

	private static SmsProperties properties(URI baseUrl, @Nullable String apiKey, @Nullable String username,
			@Nullable String password, Duration readTimeout) {
		return new SmsProperties(GenericJsonSmsGateway.PROVIDER, baseUrl, apiKey, username, password, "CCHC", false, 2,
				Duration.ofSeconds(2), readTimeout);
	}

}
