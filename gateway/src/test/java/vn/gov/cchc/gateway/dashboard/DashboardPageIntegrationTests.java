package vn.gov.cchc.gateway.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.testing.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's page, script and style as the gateway serves them (no service behind it
 * is needed for that).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardPageIntegrationTests {

	private static final Pattern ADDRESS = Pattern.compile("(?i)https?://[a-z0-9.-]+|(?:src|href)=\"//");

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Test
	void servesThePageAtTheFolderAddressWithAStrictPolicy() throws Exception {
		HttpResponse<String> page = get("/dashboard/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValue(DashboardPageRoutes.CONTENT_SECURITY_POLICY);
		assertThat(page.body()).contains("<html lang=\"vi\">", "Theo dõi tuyên truyền cải cách hành chính",
				"<script src=\"/dashboard/app.js\" defer></script>", "data-testid=\"province-total\"");
	}

	@Test
	void redirectsTheAddressWithoutTheSlashToThePage() throws Exception {
		HttpResponse<String> response = get("/dashboard");

		assertThat(response.statusCode()).isEqualTo(301);
		assertThat(response.headers().firstValue("Location")).hasValue("/dashboard/");
	}

	@Test
	void servesTheScriptAndTheStyleAsStaticResources() throws Exception {
		HttpResponse<String> script = get("/dashboard/app.js");
		HttpResponse<String> style = get("/dashboard/app.css");

		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(script.body()).contains("new EventSource(", "/api/v1/dashboard/stream?unit=",
				"credentials: 'same-origin'", "/oauth2/authorization/cchc");
		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
	}

	@Test
	void fetchesNothingFromAnotherOriginAndSendsNoIdentityHeaders() throws Exception {
		for (String path : List.of("/dashboard/", "/dashboard/app.js", "/dashboard/app.css")) {
			String body = get(path).body();
			Matcher addresses = ADDRESS.matcher(body);
			while (addresses.find()) {
				// The SVG namespace is a name, never fetched.
				assertThat(addresses.group()).as("an address in %s", path).isEqualTo("http://www.w3.org");
			}
			assertThat(body).as(path).doesNotContainIgnoringCase("X-CCHC");
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		// Signed in (the browser's login session and a bearer token pass the same rules).
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", TestTokens.bearer(TestTokens.reviewer("27-SNV")))
			.GET()
			.build(), BodyHandlers.ofString());
	}

}
