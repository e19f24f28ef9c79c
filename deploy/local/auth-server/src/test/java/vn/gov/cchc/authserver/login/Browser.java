package vn.gov.cchc.authserver.login;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.cchc.authserver.IssuerClient;

/**
 * A person's browser: keeps cookies, sends {@code Accept: text/html}, and lets the test
 * follow each redirect itself, so that it can stop at the gateway's callback (nothing
 * listens there in a test) and read the code.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	HttpResponse<String> get(URI uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
				BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> submit(URI uri, Map<String, String> form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(IssuerClient.formBody(form)))
			.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Where a redirect points, resolved against the request it answered. */
	static URI redirect(HttpResponse<String> response) {
		if (response.statusCode() != 302 && response.statusCode() != 303) {
			throw new AssertionError("expected a redirect from " + response.uri() + ", got " + response.statusCode()
					+ ": " + response.body());
		}
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("a redirect without Location from " + response.uri()));
		return response.uri().resolve(location);
	}

	/** The CSRF token of the login form, as a browser would post it back. */
	static String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("no CSRF field in the login form:\n" + page);
		}
		return matcher.group(1);
	}

}
