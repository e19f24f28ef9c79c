package vn.gov.cchc.devproviders;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An SMS gateway speaking the generic JSON protocol of notification-service, keeping what
 * it takes in memory.
 *
 * <p>
 * Why: docs/dev-providers.md, "The SMS gateway (SmsGatewaySink)".
 */
final class SmsGatewaySink implements HttpHandler {

	static final String BASE = "/sms/v1";

	private static final Logger logger = LoggerFactory.getLogger(SmsGatewaySink.class);

	/**
	 * What the sender puts in {@code to}: a number with its country code, digits only.
	 */
	private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{8,15}");

	private static final Set<String> ENCODINGS = Set.of("GSM_7", "UCS_2");

	private static final int MAX_DELAY_MILLIS = 60_000;

	private final List<Taken> taken = new ArrayList<>();

	/**
	 * The first message taken under each reference: a sender asks by reference after a
	 * crash, and the list can hold every reminder of a province's deadline day.
	 */
	private final Map<String, Taken> byReference = new HashMap<>();

	private final AtomicReference<@Nullable Outage> outage = new AtomicReference<>();

	private final AtomicLong refused = new AtomicLong();

	private final @Nullable String apiKey;

	private final Clock clock;

	/**
	 * @param apiKey when set, a POST must carry {@code Authorization: Bearer <apiKey>},
	 * as with a real provider
	 * @param clock the time a message is taken at
	 */
	SmsGatewaySink(@Nullable String apiKey, Clock clock) {
		this.apiKey = apiKey;
		this.clock = clock;
	}

	/** A message the gateway took. */
	record Taken(String id, String reference, String from, String to, String text, String encoding, int segments,
			Instant takenAt) {

	}

	/** Every POST answers {@code status} after {@code delayMillis}. */
	record Outage(int status, long delayMillis, Instant since) {

	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			String method = exchange.getRequestMethod();
			String messages = BASE + "/messages";
			String byReference = messages + "/by-reference/";
			String outagePath = BASE + "/admin/outage";
			if (path.equals(messages) && method.equals("POST")) {
				take(exchange);
			}
			else if (path.equals(messages) && method.equals("GET")) {
				Exchanges.json(exchange, 200, taken());
			}
			else if (path.startsWith(byReference) && path.length() > byReference.length() && method.equals("GET")) {
				String reference = URLDecoder.decode(path.substring(byReference.length()), StandardCharsets.UTF_8);
				Optional<Taken> found = find(reference);
				if (found.isPresent()) {
					Exchanges.json(exchange, 200, found.get());
				}
				else {
					Exchanges.problem(exchange, 404, "Không có tin nhắn mang mã tham chiếu " + reference, List.of());
				}
			}
			else if (path.equals(outagePath)) {
				outage(exchange, method);
			}
			else if (path.equals(messages) || path.startsWith(byReference) || path.equals(outagePath)) {
				Exchanges.problem(exchange, 405, "Phương thức " + method + " không dùng được với " + path, List.of());
			}
			else {
				Exchanges.problem(exchange, 404, "Không có tài nguyên " + path, List.of());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("SMS request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), ex);
			throw ex;
		}
	}

	/** Every message taken, oldest first. */
	synchronized List<Taken> taken() {
		return List.copyOf(this.taken);
	}

	private synchronized Optional<Taken> find(String reference) {
		return Optional.ofNullable(this.byReference.get(reference));
	}

	private synchronized void record(Taken message) {
		this.taken.add(message);
		this.byReference.putIfAbsent(message.reference(), message);
	}

	/** Switches the outage on; null switches it off. */
	void outage(@Nullable Outage outage) {
		this.outage.set(outage);
	}

	long refused() {
		return this.refused.get();
	}

	private void take(HttpExchange exchange) throws IOException {
		Outage down = this.outage.get();
		if (down != null) {
			this.refused.incrementAndGet();
			pause(down.delayMillis());
			Exchanges.problem(exchange, down.status(), "Nhà cung cấp SMS đang gián đoạn (giả lập)", List.of());
			return;
		}
		if (this.apiKey != null
				&& !("Bearer " + this.apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			Exchanges.problem(exchange, 401, "Thiếu khóa API hoặc khóa API không đúng", List.of());
			return;
		}
		JsonNode request = readObject(exchange);
		if (request == null) {
			return;
		}
		List<Map<String, String>> errors = new ArrayList<>();
		String reference = text(request, "reference", errors);
		String from = text(request, "from", errors);
		String to = text(request, "to", errors);
		String text = text(request, "text", errors);
		String encoding = text(request, "encoding", errors);
		if (to != null && !NUMBER.matcher(to).matches()) {
			errors.add(Exchanges.fieldError("to", "Số điện thoại phải gồm 8 đến 15 chữ số, có mã quốc gia"));
		}
		if (encoding != null && !ENCODINGS.contains(encoding)) {
			errors.add(Exchanges.fieldError("encoding", "Chỉ nhận GSM_7 hoặc UCS_2"));
		}
		JsonNode segments = request.get("segments");
		if (segments == null || !segments.isIntegralNumber() || segments.asInt() < 1) {
			errors.add(Exchanges.fieldError("segments", "Phải là số nguyên dương"));
		}
		if (!errors.isEmpty()) {
			Exchanges.problem(exchange, 400, "Tin nhắn không hợp lệ", errors);
			return;
		}
		Taken message = new Taken("sms-" + UUID.randomUUID(), reference, from, to, text, encoding, segments.asInt(),
				this.clock.instant());
		record(message);
		logger.debug("SMS {} to {} ({} segment(s)): {}", message.reference(), message.to(), message.segments(),
				message.text());
		Exchanges.json(exchange, 201, Map.of("id", message.id()));
	}

	private void outage(HttpExchange exchange, String method) throws IOException {
		switch (method) {
			case "PUT" -> {
				JsonNode request = readObject(exchange);
				if (request == null) {
					return;
				}
				List<Map<String, String>> errors = new ArrayList<>();
				JsonNode status = request.get("status");
				if (status == null || !status.isIntegralNumber() || status.asInt() < 400 || status.asInt() > 599) {
					errors.add(Exchanges.fieldError("status", "Phải là mã lỗi HTTP từ 400 đến 599"));
				}
				JsonNode delay = request.get("delayMillis");
				if (delay != null
						&& (!delay.isIntegralNumber() || delay.asLong() < 0 || delay.asLong() > MAX_DELAY_MILLIS)) {
					errors.add(Exchanges.fieldError("delayMillis", "Phải từ 0 đến " + MAX_DELAY_MILLIS + " ms"));
				}
				if (!errors.isEmpty()) {
					Exchanges.problem(exchange, 400, "Cấu hình gián đoạn không hợp lệ", errors);
					return;
				}
				Outage outage = new Outage(status.asInt(), (delay != null) ? delay.asLong() : 0, this.clock.instant());
				outage(outage);
				logger.info("SMS outage on: every POST answers {} after {} ms", outage.status(), outage.delayMillis());
				Exchanges.json(exchange, 200, outageView());
			}
			case "DELETE" -> {
				outage(null);
				logger.info("SMS outage off ({} messages refused so far)", refused());
				Exchanges.empty(exchange, 204);
			}
			case "GET" -> Exchanges.json(exchange, 200, outageView());
			default -> Exchanges.problem(exchange, 405,
					"Phương thức " + method + " không dùng được với " + BASE + "/admin/outage", List.of());
		}
	}

	private Map<String, Object> outageView() {
		Outage current = this.outage.get();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("active", current != null);
		if (current != null) {
			view.put("status", current.status());
			view.put("delayMillis", current.delayMillis());
			view.put("since", current.since().toString());
		}
		view.put("refused", refused());
		return view;
	}

	/** The body as a JSON object; null once it has answered the problem with it. */
	private static @Nullable JsonNode readObject(HttpExchange exchange) throws IOException {
		byte[] body = Exchanges.body(exchange);
		if (body == null) {
			Exchanges.problem(exchange, 413, "Nội dung yêu cầu quá lớn", List.of());
			return null;
		}
		try {
			JsonNode node = Exchanges.JSON.readTree(body);
			if (node != null && node.isObject()) {
				return node;
			}
		}
		catch (JacksonException ex) {
			// Answered below, like any body that is not a JSON object.
		}
		Exchanges.problem(exchange, 400, "Nội dung phải là một đối tượng JSON", List.of());
		return null;
	}

	private static @Nullable String text(JsonNode request, String field, List<Map<String, String>> errors) {
		JsonNode value = request.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			errors.add(Exchanges.fieldError(field, "Bắt buộc, là chuỗi không rỗng"));
			return null;
		}
		return value.asString();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
