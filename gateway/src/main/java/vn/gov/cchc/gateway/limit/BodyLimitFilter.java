package vn.gov.cchc.gateway.limit;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.gov.cchc.gateway.problem.GatewayProblems;
import vn.gov.cchc.gateway.problem.ProblemWriter;
import vn.gov.cchc.gateway.problem.Rejections;
import vn.gov.cchc.web.FieldError;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies over {@code cchc.gateway.max-body-bytes} (on the bulk paths
 * {@code cchc.gateway.bulk-max-body-bytes}) with a 413 problem. A body with a declared
 * length is judged by its {@code Content-Length} before a byte of it is read. A body
 * without one (chunked) is counted as it arrives and held at the gateway until it ends:
 * once the count passes the limit the request fails, and since nothing was forwarded yet
 * the service never sees any part of it. Holding at most the limit per request is the
 * price of that guarantee.
 */
@Component
class BodyLimitFilter implements GlobalFilter, Ordered {

	/** Before the gateway's routing filters, after its cached-body clean-up. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final long limit;

	private final long bulkLimit;

	private final List<PathPattern> bulkPaths;

	private final ProblemWriter problems;

	private final Rejections rejections;

	BodyLimitFilter(BodyLimitProperties properties, ProblemWriter problems, Rejections rejections) {
		this.limit = properties.maxBodyBytes().toBytes();
		this.bulkLimit = properties.bulkMaxBodyBytes().toBytes();
		this.bulkPaths = properties.bulkPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.problems = problems;
		this.rejections = rejections;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limitFor(request);
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return tooLarge(exchange, limit);
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		ServerWebExchange counted = exchange.mutate().request(new CountingRequest(request, limit)).build();
		return ServerWebExchangeUtils
			.cacheRequestBody(counted, (cached) -> chain.filter(exchange.mutate().request(cached).build()))
			.onErrorResume(BodyTooLargeException.class, (ex) -> tooLarge(exchange, limit));
	}

	private long limitFor(ServerHttpRequest request) {
		PathContainer path = request.getPath().pathWithinApplication();
		return this.bulkPaths.stream().anyMatch((pattern) -> pattern.matches(path)) ? this.bulkLimit : this.limit;
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
		this.rejections.count("body-too-large");
		return this.problems.write(exchange, GatewayProblems.BODY_TOO_LARGE,
				"Nội dung yêu cầu vượt quá giới hạn " + limit + " byte của cổng API.",
				List.of(new FieldError(FieldError.BODY, "Kích thước nội dung phải không vượt quá " + limit
						+ " byte; hãy chia dữ liệu thành nhiều yêu cầu nhỏ hơn.")));
	}

	/**
	 * A request whose body fails as soon as more than the limit has arrived, releasing
	 * the chunk that went over.
	 */
	private static final class CountingRequest extends ServerHttpRequestDecorator {

		private final long limit;

		CountingRequest(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(new BodyTooLargeException(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
