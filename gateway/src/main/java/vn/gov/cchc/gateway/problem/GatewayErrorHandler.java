package vn.gov.cchc.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import vn.gov.cchc.gateway.correlation.CorrelationIds;
import vn.gov.cchc.web.ProblemType;
import vn.gov.cchc.web.Problems;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every failure with a Vietnamese problem: 404 for a path no route serves, 503
 * for a backend that cannot be reached, 504 for one that does not answer in time, and 500
 * without internals for anything unexpected. Runs before Boot's own handler, which would
 * answer with its generic error JSON.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(GatewayErrorHandler.class);

	private final ProblemWriter problems;

	private final Rejections rejections;

	GatewayErrorHandler(ProblemWriter problems, Rejections rejections) {
		this.problems = problems;
		this.rejections = rejections;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		String service = routeId(exchange);
		if (causedBy(ex, ConnectException.class) || causedBy(ex, UnknownHostException.class)) {
			return backendUnavailable(exchange, ex, service);
		}
		if (causedBy(ex, TimeoutException.class)) {
			return backendTimeout(exchange, service);
		}
		if (causedBy(ex, PrematureCloseException.class)) {
			this.rejections.count("backend-failed");
			logger.warn("Backend {} closed the connection early (correlation id {}): {}", service,
					correlationId(exchange), ex.toString());
			return this.problems.write(exchange, GatewayProblems.BAD_GATEWAY,
					"Dịch vụ " + service + " đã ngắt kết nối trước khi trả lời; vui lòng thử lại.", List.of());
		}
		if (ex instanceof ResponseStatusException status) {
			return statusProblem(exchange, status.getStatusCode(), service);
		}
		logger.error("Unexpected failure (correlation id {})", correlationId(exchange), ex);
		return this.problems.write(exchange,
				Problems.internalError("Đã xảy ra lỗi ngoài dự kiến ở cổng API; vui lòng thử lại sau."));
	}

	private Mono<Void> backendUnavailable(ServerWebExchange exchange, Throwable ex, String service) {
		this.rejections.count("backend-unavailable");
		logger.warn("Backend {} cannot be reached (correlation id {}): {}", service, correlationId(exchange),
				ex.toString());
		return this.problems.write(exchange, Problems.SERVICE_UNAVAILABLE,
				"Không kết nối được tới dịch vụ " + service + "; vui lòng thử lại sau ít phút.", List.of());
	}

	private Mono<Void> backendTimeout(ServerWebExchange exchange, String service) {
		this.rejections.count("backend-timeout");
		return this.problems.write(exchange, GatewayProblems.GATEWAY_TIMEOUT,
				"Dịch vụ " + service + " không trả lời trong thời gian cho phép.", List.of());
	}

	private Mono<Void> statusProblem(ServerWebExchange exchange, HttpStatusCode code, String service) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == HttpStatus.NOT_FOUND) {
			this.rejections.count("no-route");
			return this.problems.write(exchange, Problems.NOT_FOUND,
					"Không có dịch vụ nào phục vụ đường dẫn " + exchange.getRequest().getPath().value() + ".",
					List.of());
		}
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			this.rejections.count("backend-unavailable");
			return this.problems.write(exchange, Problems.SERVICE_UNAVAILABLE,
					"Dịch vụ " + service + " tạm thời không nhận yêu cầu; vui lòng thử lại sau ít phút.", List.of());
		}
		if (status == HttpStatus.GATEWAY_TIMEOUT) {
			return backendTimeout(exchange, service);
		}
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			return this.problems.write(exchange, Problems.METHOD_NOT_ALLOWED,
					"Đường dẫn này không hỗ trợ phương thức HTTP đã dùng.", List.of());
		}
		if (status != null && status.is4xxClientError()) {
			// Named after the status (payload-too-large, ...), titled as any bad request.
			ProblemType type = new ProblemType(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
					Problems.BAD_REQUEST.title());
			return this.problems.write(exchange, type, "Cổng API không thể chuyển tiếp yêu cầu này.", List.of());
		}
		HttpStatus serverError = (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
		return this.problems.write(exchange,
				new ProblemType(serverError, Problems.INTERNAL_ERROR.slug(), Problems.INTERNAL_ERROR.title()),
				"Đã xảy ra lỗi ngoài dự kiến ở cổng API; vui lòng thử lại sau.", List.of());
	}

	private static String routeId(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : "phía sau";
	}

	private static @Nullable String correlationId(ServerWebExchange exchange) {
		return CorrelationIds.of(exchange);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

}
