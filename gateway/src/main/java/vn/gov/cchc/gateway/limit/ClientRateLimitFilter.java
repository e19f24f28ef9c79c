package vn.gov.cchc.gateway.limit;

import java.security.Principal;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Mono;
import vn.gov.cchc.gateway.problem.GatewayProblems;
import vn.gov.cchc.gateway.problem.ProblemWriter;
import vn.gov.cchc.gateway.problem.Rejections;
import vn.gov.cchc.web.FieldError;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Each client's rate on the API, after authentication so that the client is known: a
 * machine client by its client id, a person by their login, anyone else by address. A
 * client over its rate gets 429 with {@code Retry-After} at once; nothing waits, so
 * clients within their rate are not slowed by one that is not. Buckets are per gateway
 * instance: with n instances a client gets up to n times its rate.
 */
@Component
class ClientRateLimitFilter implements WebFilter, Ordered {

	/** Right after Spring Security's filter chain (-100). */
	static final int ORDER = 0;

	static final String LIMIT_HEADER = "X-RateLimit-Limit";

	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	private final RateLimitProperties properties;

	private final ProblemWriter problems;

	private final Rejections rejections;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	ClientRateLimitFilter(RateLimitProperties properties, ProblemWriter problems, Rejections rejections) {
		this.properties = properties;
		this.problems = problems;
		this.rejections = rejections;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.properties.enabled() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(ClientRateLimitFilter::clientOf)
			.defaultIfEmpty("address:" + address(exchange))
			.flatMap((client) -> admit(exchange, chain, client));
	}

	private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, String client) {
		long now = System.nanoTime();
		TokenBucket bucket = this.buckets.computeIfAbsent(client,
				(key) -> new TokenBucket(this.properties.limitOf(key.substring(key.indexOf(':') + 1)), now));
		long wait = bucket.take(now);
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(LIMIT_HEADER, Integer.toString(bucket.burst()));
		headers.set(REMAINING_HEADER, Integer.toString(bucket.remaining()));
		if (wait == 0) {
			return chain.filter(exchange);
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1));
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		this.rejections.count("rate-limited");
		return this.problems.write(exchange, GatewayProblems.RATE_LIMITED,
				"Tài khoản " + client.substring(client.indexOf(':') + 1) + " đã vượt quá " + bucket.burst()
						+ " yêu cầu liên tiếp cho phép; hãy gửi lại sau " + seconds + " giây.",
				List.of(new FieldError("Retry-After", "Gửi lại sau " + seconds + " giây.")));
	}

	/** Forgets the buckets of clients gone quiet; they would be full again anyway. */
	@Scheduled(fixedDelayString = "${cchc.gateway.rate-limit.sweep-every:60s}")
	void forgetIdleClients() {
		long now = System.nanoTime();
		long cutoff = now - this.properties.idleAfter().toNanos();
		this.buckets.values().removeIf((bucket) -> bucket.idleSince(cutoff, now));
	}

	/**
	 * A bearer token's caller or a logged-in user, by login (a machine client's login is
	 * its id).
	 */
	private static String clientOf(Principal principal) {
		return "caller:" + principal.getName();
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
