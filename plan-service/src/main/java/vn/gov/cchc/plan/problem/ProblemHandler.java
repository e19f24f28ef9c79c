package vn.gov.cchc.plan.problem;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import vn.gov.cchc.plan.cloudevent.PublishFailedException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as a problem in the shared shape, Spring MVC's own included (an
 * unknown path, a wrong method, a body that is not JSON), so that a client never sees
 * another format, never a stack trace, and never a 500 for what it sent.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	/** Seconds a client should wait before sending again after a 503. */
	private static final String RETRY_AFTER_SECONDS = "5";

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> problem(ProblemException ex, HttpServletRequest request) {
		return render(ex.getProblem(), ex.getHeaders(), request);
	}

	@ExceptionHandler(PublishFailedException.class)
	ResponseEntity<Object> eventBusUnavailable(PublishFailedException ex, HttpServletRequest request) {
		logger.warn("Answering 503 to {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return render(Problems.unavailable("event-bus-unavailable",
				"Hệ thống chuyển sự kiện (Kafka) chưa xác nhận đã nhận dữ liệu nên yêu cầu chưa được ghi nhận. "
						+ "Vui lòng gửi lại sau ít phút với đúng nội dung cũ."),
				retryAfter(), request);
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ResponseEntity<Object> storeUnavailable(RuntimeException ex, HttpServletRequest request) {
		logger.warn("Answering 503 to {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return render(
				Problems.unavailable("store-unavailable",
						"Cơ sở dữ liệu của dịch vụ tạm thời không phản hồi. Vui lòng gửi lại sau ít phút."),
				retryAfter(), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		ProblemException problem = findCause(ex, ProblemException.class);
		if (problem != null) {
			return problem(problem, request);
		}
		logger.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
		return render(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Lỗi hệ thống",
				"Máy chủ gặp lỗi ngoài dự kiến; vui lòng thử lại sau.", List.of()), HttpHeaders.EMPTY, request);
	}

	/**
	 * The converters wrap what went wrong while reading the body: Jackson's exception for
	 * bad JSON or a value of the wrong type (with the path of the value), or a
	 * {@link ProblemException} thrown by a stream that limits the body.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		ProblemException problem = findCause(ex, ProblemException.class);
		if (problem != null) {
			return render(problem.getProblem(), problem.getHeaders(), servletRequest);
		}
		JacksonException jackson = findCause(ex, JacksonException.class);
		FieldError error = (jackson != null) ? JsonReadErrors.of(jackson)
				: new FieldError(FieldError.BODY, "Thiếu nội dung yêu cầu hoặc nội dung không đọc được.");
		return render(Problems.unreadable(error), HttpHeaders.EMPTY, servletRequest);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		return render(framework(statusCode), headers, servletRequest(request));
	}

	private static ProblemDetail framework(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> Problems.notFound("not-found", "Không tìm thấy", "Không có tài nguyên nào ở địa chỉ này.");
			case 405 -> Problems.of(status, "method-not-allowed", "Phương thức không được hỗ trợ",
					"Địa chỉ này không nhận phương thức HTTP đã dùng.", List.of());
			case 406 -> Problems.of(status, "not-acceptable", "Không đáp ứng được định dạng yêu cầu",
					"Dịch vụ chỉ trả về JSON.", List.of());
			case 415 -> Problems.of(status, "unsupported-media-type", "Định dạng nội dung không được hỗ trợ",
					"Nội dung gửi lên phải là JSON (Content-Type: application/json).", List.of());
			default -> status.is4xxClientError()
					? Problems.of(status, "bad-request", "Yêu cầu không hợp lệ",
							"Yêu cầu không đúng với giao diện của dịch vụ.", List.of())
					: Problems.of(status, "internal-error", "Lỗi hệ thống",
							"Máy chủ gặp lỗi ngoài dự kiến; vui lòng thử lại sau.", List.of());
		};
	}

	private static ResponseEntity<Object> render(ProblemDetail problem, HttpHeaders headers,
			@Nullable HttpServletRequest request) {
		if (request != null) {
			request.setAttribute(Problems.ANSWERED_SLUG_ATTRIBUTE, Problems.slugOf(problem));
			if (problem.getInstance() == null) {
				problem.setInstance(instance(request));
			}
		}
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static @Nullable URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			// A path that is no valid URI reference is left out rather than failing the
			// error response itself.
			return null;
		}
	}

	private static HttpHeaders retryAfter() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return headers;
	}

	private static @Nullable HttpServletRequest servletRequest(WebRequest request) {
		return (request instanceof NativeWebRequest nativeRequest)
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

}
