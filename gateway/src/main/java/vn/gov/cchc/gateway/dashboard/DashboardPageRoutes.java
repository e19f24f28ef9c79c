package vn.gov.cchc.gateway.dashboard;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /dashboard/}: the dashboard's page. Its script and style are ordinary static
 * resources ({@code /dashboard/app.js}, {@code /dashboard/app.css}); only the folder's
 * own address needs a route, since WebFlux serves an index page for the root alone.
 * {@code /dashboard} (and the gateway's root) redirects there so that the page's address
 * ends with the slash its links are written against.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPageRoutes {

	/**
	 * The page loads nothing but its own script and style and calls only its own origin,
	 * so the policy can say exactly that; it may not be framed.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	RouterFunction<ServerResponse> dashboardPage() {
		ClassPathResource page = new ClassPathResource("static/dashboard/index.html");
		return RouterFunctions
			.route(RequestPredicates.GET("/").or(RequestPredicates.GET("/dashboard")),
					(request) -> ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
						.location(URI.create("/dashboard/"))
						.build())
			.andRoute(RequestPredicates.GET("/dashboard/"),
					(request) -> ServerResponse.ok()
						.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
						// The page names its script and style without a version: always
						// ask.
						.cacheControl(CacheControl.noCache())
						.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
						.header("X-Content-Type-Options", "nosniff")
						.header("Referrer-Policy", "same-origin")
						.bodyValue(page));
	}

}
