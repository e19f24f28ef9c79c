package vn.gov.cchc.devproviders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

/** Reading and answering one HTTP exchange in JSON. */
final class Exchanges {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A request body larger than this is refused: an SMS text is a few hundred
	 * characters, and an unbounded read would let one bad client exhaust the heap.
	 */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private Exchanges() {
	}

	/** The body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
	static byte[] body(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			return (body.length > MAX_BODY_BYTES) ? null : body;
		}
	}

	static void json(HttpExchange exchange, int status, Object body) throws IOException {
		send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
	}

	/** An RFC 9457 problem, with the fields at fault when there are some. */
	static void problem(HttpExchange exchange, int status, String title, List<Map<String, String>> errors)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("status", status);
		problem.put("title", title);
		if (!errors.isEmpty()) {
			problem.put("errors", errors);
		}
		send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
	}

	static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	static void empty(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType + ";charset=" + StandardCharsets.UTF_8.name());
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
