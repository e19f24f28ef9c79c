package vn.gov.cchc.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemType;
import vn.gov.cchc.web.Problems;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a problem of platform-web's vocabulary from the gateway's filters and error
 * handler, where no controller advice runs: {@code type}, Vietnamese {@code title} and
 * {@code detail}, {@code status}, the path as {@code instance}, and {@code errors}.
 */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	public ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail, List<FieldError> errors) {
		return write(exchange, type.problem(detail, errors));
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", exchange.getRequest().getPath().value());
		Map<String, Object> properties = problem.getProperties();
		body.put(Problems.ERRORS,
				(properties != null) ? properties.getOrDefault(Problems.ERRORS, List.of()) : List.of());
		byte[] bytes = this.json.writeValueAsBytes(body);

		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(bytes.length);
		DataBuffer buffer = response.bufferFactory().wrap(bytes);
		return response.writeWith(Mono.just(buffer));
	}

}
