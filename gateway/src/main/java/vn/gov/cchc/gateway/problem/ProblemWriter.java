package vn.gov.cchc.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a problem in the platform's one shape: {@code type} under {@value #TYPE_BASE},
 * Vietnamese {@code title} and {@code detail}, {@code status}, {@code instance} and an
 * {@code errors} array.
 */
@Component
public class ProblemWriter {

	public static final String TYPE_BASE = "https://cchc.gov.vn/problems/";

	private final JsonMapper json;

	public ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail,
			List<FieldProblem> errors) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_BASE + slug);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		problem.put("errors", errors);
		byte[] body = this.json.writeValueAsBytes(problem);

		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
