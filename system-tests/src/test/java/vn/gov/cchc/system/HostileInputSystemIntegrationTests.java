package vn.gov.cchc.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests a new user found answered with a 500, an HTML page or an empty body, sent
 * through the gateway to the running services exactly as found (the path and the query
 * still encoded): each is a 4xx problem naming the parameter, the path or the header at
 * fault.
 */
@ExtendWith(LocalRuntimeExtension.class)
class HostileInputSystemIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static LocalRuntime runtime;

	@BeforeAll
	static void useTheLocalRuntime(LocalRuntime localRuntime) {
		runtime = localRuntime;
	}

	@ParameterizedTest(name = "{0} {1} → {3} naming {4}")
	@CsvSource(delimiter = '|', textBlock = """
			GET | /api/v1/periods?plan=%C0%AF&year=2022 |       | 400 | plan
			GET | /api/v1/units?on=%C0%AF               |       | 400 | on
			GET | /api/v1/totals/09190%00               |       | 400 | path
			GET | /api/v1/totals/%C0%AF                 |       | 400 | path
			PUT | /api/v1/plans/X                       | a=%ZZ | 415 | Content-Type
			PUT | /api/v1/units                         | a=%ZZ | 415 | Content-Type
			""")
	void isAProblemNamingWhatIsAtFault(String method, String target, String form, int status, String field)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.gateway() + target))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + runtime.client().issuer().provisioning());
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(form));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}

		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(response.body())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = GatewayClient.parse(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("errors").findValuesAsString("field")).as(response.body()).contains(field);
	}

}
