package vn.gov.cchc.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem straight to a servlet response, where no controller advice runs: in a
 * filter before the dispatcher, or in Tomcat itself for a request it would not pass on.
 */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/**
	 * @param response where to write
	 * @param instance the request's path, as the problem's {@code instance}
	 * @param problem what to write
	 */
	public static void write(HttpServletResponse response, String instance, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(bytes(instance, problem));
	}

	/** The problem as the JSON every service answers. */
	static byte[] bytes(String instance, ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", instance);
		body.put(Problems.ERRORS, List.of());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return JSON.writeValueAsBytes(body);
	}

}
