package vn.gov.cchc.notification.reminder;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A generic JSON SMS gateway played by a real HTTP server (WireMock): it takes messages
 * on {@code POST /sms/v1/messages} and, like real gateways, answers whether it has a
 * message by the client's reference ({@code GET
 * /sms/v1/messages/by-reference/{reference}}), from the messages it really took.
 */
final class SmsProvider implements AutoCloseable {

	static final String MESSAGES = "/sms/v1/messages";

	private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");

	private final WireMockServer server;

	private StubMapping sending;

	private StubMapping lookups;

	SmsProvider() {
		ByReference byReference = new ByReference();
		this.server = new WireMockServer(options().dynamicPort().extensions(byReference));
		byReference.server = this.server;
		this.server.start();
		this.lookups = this.server.stubFor(answeringLookups());
		this.sending = this.server.stubFor(accepting());
	}

	String baseUrl() {
		return this.server.baseUrl() + "/sms/v1";
	}

	/** From now on every message is taken. */
	void recover() {
		this.server.removeStub(this.sending);
		this.sending = this.server.stubFor(accepting());
	}

	/**
	 * From now on every message is taken at once but answered only after the delay, as a
	 * gateway does that queues a message and then stalls: a client that gives up waiting
	 * does not know that it was taken.
	 */
	void slow(int delayMillis) {
		this.server.removeStub(this.sending);
		this.sending = this.server.stubFor(
				post(urlEqualTo(MESSAGES)).willReturn(okJson("{\"status\":\"accepted\"}").withFixedDelay(delayMillis)));
	}

	/** From now on lookups by reference get 503: the gateway cannot say what it has. */
	void failLookups() {
		this.server.removeStub(this.lookups);
		this.lookups = this.server.stubFor(
				WireMock.get(urlPathMatching(MESSAGES + "/by-reference/.+")).willReturn(aResponse().withStatus(503)));
	}

	/** From now on lookups by reference are answered from the messages taken. */
	void answerLookups() {
		this.server.removeStub(this.lookups);
		this.lookups = this.server.stubFor(answeringLookups());
	}

	/** From now on every message gets this error status, after the delay. */
	void fail(int status, int delayMillis) {
		this.server.removeStub(this.sending);
		this.sending = this.server.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
			.withFixedDelay(delayMillis)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"gateway unavailable\"}")));
	}

	/**
	 * The messages the gateway took (its answer is 2xx, whether or not the client waited
	 * for it), one entry per message.
	 */
	List<Taken> taken() {
		return this.server.getAllServeEvents().stream().filter(SmsProvider::took).map(Taken::of).toList();
	}

	private static boolean took(ServeEvent event) {
		return event.getRequest().getMethod().getName().equals("POST")
				&& event.getResponseDefinition().getStatus() / 100 == 2;
	}

	/** Every message request, taken or not. */
	long requests() {
		return this.server.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getMethod().getName().equals("POST"))
			.count();
	}

	/** Every message request to the number (international form), taken or not. */
	long requestsTo(String phone) {
		return this.server.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getMethod().getName().equals("POST"))
			.filter((event) -> Taken.of(event).to().equals(phone))
			.count();
	}

	List<Taken> takenFor(String phone) {
		return taken().stream().filter((message) -> message.to().equals(phone)).toList();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static com.github.tomakehurst.wiremock.client.MappingBuilder answeringLookups() {
		return WireMock.get(urlPathMatching(MESSAGES + "/by-reference/.+"))
			.willReturn(aResponse().withTransformers(ByReference.NAME));
	}

	private static com.github.tomakehurst.wiremock.client.MappingBuilder accepting() {
		return post(urlEqualTo(MESSAGES)).willReturn(okJson("{\"status\":\"accepted\"}"));
	}

	/**
	 * A message the gateway took.
	 *
	 * @param reference the client's reference (the delivery id)
	 * @param to the number
	 * @param body the whole request body
	 */
	record Taken(String reference, String to, String body) {

		static Taken of(ServeEvent event) {
			String body = event.getRequest().getBodyAsString();
			return new Taken(group(REFERENCE, body), group(TO, body), body);
		}

		private static String group(Pattern pattern, String body) {
			Matcher matcher = pattern.matcher(body);
			return matcher.find() ? matcher.group(1) : "";
		}

	}

	/** Answers a lookup by reference from the messages the server took. */
	static final class ByReference implements ResponseDefinitionTransformerV2 {

		static final String NAME = "by-reference";

		volatile WireMockServer server;

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			String url = serveEvent.getRequest().getUrl();
			String reference = url.substring(url.lastIndexOf('/') + 1);
			boolean taken = this.server.getAllServeEvents()
				.stream()
				.filter(SmsProvider::took)
				.anyMatch((event) -> Taken.of(event).reference().equals(reference));
			return taken ? ResponseDefinitionBuilder.okForJson(Map.of("reference", reference)).build()
					: new ResponseDefinition(404, "{\"error\":\"no such message\"}");
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return NAME;
		}

	}

}
