package vn.gov.cchc.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps the caller's {@code X-Correlation-Id} or makes a new one, passes it to the
 * service and returns it on the response, whoever answers: the service, or the gateway
 * itself with a problem. A web filter rather than a route filter, so that requests no
 * route serves get one too.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

	/**
	 * What a caller may send: short and without spaces or control characters, so a forged
	 * value cannot split a log line or a header.
	 */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = accepted(exchange.getRequest().getHeaders().getFirst(CorrelationIds.HEADER));
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(CorrelationIds.HEADER, id))
			.build();
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(CorrelationIds.HEADER, id);
			return Mono.empty();
		});
		ServerWebExchange correlated = exchange.mutate().request(request).build();
		correlated.getAttributes().put(CorrelationIds.KEY, id);
		return chain.filter(correlated).contextWrite((context) -> context.put(CorrelationIds.KEY, id));
	}

	private static String accepted(@Nullable String offered) {
		if (offered != null && ACCEPTED.matcher(offered).matches()) {
			return offered;
		}
		return UUID.randomUUID().toString();
	}

}
