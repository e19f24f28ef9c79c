package vn.gov.cchc.gateway.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /asyncapi.json}, the AsyncAPI 3.0 document of the Kafka topics and events,
 * and {@code GET /schemas/<event>.v1.json}, the JSON Schemas its {@code $ref}s name
 * (relative, so a tool that reads the document from here finds them here too).
 */
@Configuration(proxyBeanMethods = false)
class EventContractsRoutes {

	@Bean
	RouterFunction<ServerResponse> eventContracts() {
		ClassPathResource asyncApi = new ClassPathResource("asyncapi.json");
		return RouterFunctions
			.route(RequestPredicates.GET("/asyncapi.json"),
					(request) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(asyncApi))
			.and(RouterFunctions.resources("/schemas/**", new ClassPathResource("schemas/")));
	}

}
