package vn.gov.cchc.gateway.dashboard;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /dashboard/}: the page; {@code /dashboard/*}: its scripts and styles;
 * {@code /} and {@code /dashboard} lead to the page.
 */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes {

	@Bean
	RouterFunction<ServerResponse> dashboard() {
		ClassPathResource page = new ClassPathResource("static/dashboard/index.html");
		URI home = URI.create("/dashboard/");
		return RouterFunctions
			.route(RequestPredicates.GET("/dashboard/"),
					(request) -> ServerResponse.ok()
						.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
						.cacheControl(CacheControl.noCache())
						.bodyValue(page))
			.andRoute(RequestPredicates.GET("/dashboard").or(RequestPredicates.GET("/")),
					(request) -> ServerResponse.temporaryRedirect(home).build());
	}

}
