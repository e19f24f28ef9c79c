package vn.gov.cchc.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no client library would send, written byte for byte to a real Tomcat: bad
 * percent escapes, overlong UTF-8 and NUL in the path and the query, form bodies with a
 * bad escape. Each is a 4xx problem naming the parameter or the path, never a 5xx, an
 * HTML page or an empty body.
 */
@SpringBootTest(classes = PlatformWebTests.Service.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileRequestsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@ParameterizedTest(name = "{0} {1} → {3}, naming {4}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /figures?from=%C0%AF                |                         | 400 | from
			GET  | /figures?from=%ZZ                   |                         | 400 | from
			GET  | /figures?from=2022-01-01%00         |                         | 400 | from
			GET  | /figures?%C0%AF=1&from=2022-01-01   |                         | 400 | query
			GET  | /units/%C0%AF                       |                         | 400 | path
			GET  | /units/09190%00                     |                         | 400 | path
			GET  | /units/09190%2F1                    |                         | 400 | path
			GET  | /units/09190%251                    |                         | 400 | unitCode
			PUT  | /plans/KH-1                         | a=%ZZ                   | 415 | Content-Type
			PUT  | /plans/KH-1                         | title=K%E1%BA%BF        | 415 | Content-Type
			POST | /plans                              | a=%ZZ                   | 400 | body
			POST | /plans                              | a=%C0%AF                | 400 | body
			""")
	void isAProblemNamingWhatIsAtFault(String method, String target, String form, int status, String field)
			throws IOException {
		Answer answer = send(method, target, form);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.headers().get("content-type")).as(answer.toString()).startsWith("application/problem+json");
		JsonNode problem = json.readTree(answer.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("errors").findValuesAsString("field")).as(answer.body()).contains(field);
	}

	@Test
	void aFailureOutsideTheDispatcherIsAProblemWithoutItsMessage() throws IOException {
		Answer answer = send("GET", "/filter-fails", null);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(500);
		assertThat(answer.headers().get("content-type")).as(answer.toString()).startsWith("application/problem+json");
		JsonNode problem = json.readTree(answer.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://cchc.gov.vn/problems/internal-error");
		assertThat(problem.get("instance").asString()).isEqualTo("/filter-fails");
		assertThat(answer.body()).doesNotContain("Bí mật");
	}

	private Answer send(String method, String target, String form) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder(method).append(' ')
				.append(target)
				.append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: application/json\r\n");
			byte[] body = (form != null) ? form.getBytes(StandardCharsets.US_ASCII) : new byte[0];
			if (form != null) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
					.append(body.length)
					.append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			return Answer.parse(in.readAllBytes());
		}
	}

	private record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(byte[] raw) {
			int end = 0;
			while (end + 3 < raw.length
					&& !(raw[end] == '\r' && raw[end + 1] == '\n' && raw[end + 2] == '\r' && raw[end + 3] == '\n')) {
				end++;
			}
			String[] head = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						head[i].substring(colon + 1).trim());
			}
			byte[] body = Arrays.copyOfRange(raw, Math.min(end + 4, raw.length), raw.length);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = unchunk(body);
			}
			return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers,
					new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] unchunk(byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int at = 0;
			while (at < chunked.length) {
				int line = at;
				while (chunked[line] != '\r') {
					line++;
				}
				int size = Integer.parseInt(new String(chunked, at, line - at, StandardCharsets.US_ASCII).trim(), 16);
				if (size == 0) {
					break;
				}
				body.write(chunked, line + 2, size);
				at = line + 2 + size + 2;
			}
			return body.toByteArray();
		}

	}

}
