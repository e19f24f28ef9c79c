package vn.gov.cchc.gateway.correlation;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * Where the correlation id of a request can be found.
 */
public final class CorrelationIds {

	/** The HTTP header carrying the id, both ways. */
	public static final String HEADER = "X-Correlation-Id";

	/** Key of the id in the exchange attributes and in the Reactor context. */
	public static final String KEY = "correlationId";

	private CorrelationIds() {
	}

	/** The id given to the exchange, once the correlation filter has seen it. */
	public static @Nullable String of(ServerWebExchange exchange) {
		return exchange.getAttribute(KEY);
	}

}
