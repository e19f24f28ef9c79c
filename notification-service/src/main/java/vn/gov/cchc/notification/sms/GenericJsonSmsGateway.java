package vn.gov.cchc.notification.sms;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import vn.gov.cchc.notification.reminder.ChannelSender.Lookup;
import vn.gov.cchc.notification.reminder.DeliveryException;
import vn.gov.cchc.notification.sms.SmsText.Encoding;

/**
 * A provider speaking a plain JSON protocol over HTTP (provider name
 * {@code generic-json}): sending, looking up by reference, and which failures are
 * transient.
 *
 * <p>
 * Why: docs/notifications.md, "The generic JSON SMS protocol (GenericJsonSmsGateway)".
 */
public class GenericJsonSmsGateway implements SmsGateway {

	/** The name of this provider in {@code cchc.notification.sms.provider}. */
	public static final String PROVIDER = "generic-json";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final RestClient http;

	private final String sender;

	public GenericJsonSmsGateway(SmsProperties properties) {
		// HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain http,
		// which
		// some gateways and proxies answer badly.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(client);
		requestFactory.setReadTimeout(properties.readTimeout());
		this.http = RestClient.builder()
			.requestFactory(requestFactory)
			.baseUrl(properties.baseUrl())
			.defaultHeaders((headers) -> authenticate(headers, properties))
			.build();
		this.sender = properties.sender();
	}

	private static void authenticate(HttpHeaders headers, SmsProperties properties) {
		if (hasText(properties.apiKey())) {
			headers.setBearerAuth(properties.apiKey());
		}
		else if (hasText(properties.username()) && properties.password() != null) {
			headers.setBasicAuth(properties.username(), properties.password(), StandardCharsets.UTF_8);
		}
	}

	@Override
	public String send(String reference, String phone, SmsMessage message) {
		SendRequest request = new SendRequest(reference, this.sender, VietnameseMobileNumbers.normalise(phone),
				message.text(), message.encoding(), message.segments());
		try {
			return this.http.post()
				.uri("/messages")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(request)
				.exchangeForRequiredValue((httpRequest, response) -> {
					HttpStatusCode status = response.getStatusCode();
					if (!status.is2xxSuccessful()) {
						throw refused(reference, status);
					}
					String id = idIn(response);
					return hasText(id) ? id : reference;
				});
		}
		catch (RestClientException ex) {
			// An answer that did not come in time may follow a message the provider took:
			// retrying it blindly would send it twice, so ask by the reference first.
			Lookup lookup = mayHaveReachedTheProvider(ex) ? lookup(reference) : Lookup.NOT_FOUND;
			if (lookup == Lookup.FOUND) {
				return reference;
			}
			if (lookup == Lookup.UNKNOWN) {
				throw DeliveryException
					.inDoubt("SMS %s got no answer and the provider could not say whether it took it: %s"
						.formatted(reference, ex.getMessage()), ex);
			}
			throw new DeliveryException("SMS %s did not reach the provider: %s".formatted(reference, ex.getMessage()),
					false, ex);
		}
	}

	/**
	 * Whether the request went out before the failure: a timeout, not a refused
	 * connection.
	 */
	private static boolean mayHaveReachedTheProvider(RestClientException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
				return false;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String idIn(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
		try {
			Map<String, Object> body = response.bodyTo(JSON_OBJECT);
			Object id = (body != null) ? body.get("id") : null;
			return (id != null) ? id.toString() : null;
		}
		catch (RestClientException ex) {
			// The provider took the message (2xx); an answer without a readable id
			// leaves the reference to find it by.
			return null;
		}
	}

	private static DeliveryException refused(String reference, HttpStatusCode status) {
		int code = status.value();
		boolean retryable = code == 408 || code == 425 || code == 429 || status.is5xxServerError();
		return new DeliveryException("The SMS provider answered %d to message %s".formatted(code, reference),
				!retryable);
	}

	@Override
	public Lookup lookup(String reference) {
		try {
			return this.http.get()
				.uri("/messages/by-reference/{reference}", reference)
				.accept(MediaType.APPLICATION_JSON)
				.exchangeForRequiredValue((httpRequest, response) -> switch (response.getStatusCode().value()) {
					case 200 -> Lookup.FOUND;
					case 404 -> Lookup.NOT_FOUND;
					default -> Lookup.UNKNOWN;
				});
		}
		catch (RestClientException ex) {
			return Lookup.UNKNOWN;
		}
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/** The body of a send request. */
	record SendRequest(String reference, String from, String to, String text, Encoding encoding, int segments) {
	}

}
