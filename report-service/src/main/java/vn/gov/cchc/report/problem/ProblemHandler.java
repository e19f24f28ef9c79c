package vn.gov.cchc.report.problem;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as a problem in the shared shape, including Spring MVC's own (an
 * unknown path, a wrong method), so that a client never sees another format and never a
 * stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex, HttpServletRequest request) {
		return render(ex.getProblem(), request.getRequestURI(), new HttpHeaders());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), ex);
		return render(
				Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Lỗi hệ thống",
						"Máy chủ gặp lỗi ngoài dự kiến; vui lòng thử lại sau.", List.of()),
				request.getRequestURI(), new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String path = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : "";
		ProblemDetail problem = framework(statusCode);
		return ResponseEntity.status(statusCode)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(withInstance(problem, path));
	}

	private static ProblemDetail framework(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 ->
				Problems.of(status, "not-found", "Không tìm thấy", "Không có tài nguyên nào ở địa chỉ này.", List.of());
			case 405 -> Problems.of(status, "method-not-allowed", "Phương thức không được hỗ trợ",
					"Địa chỉ này không nhận phương thức HTTP đã dùng.", List.of());
			case 406 -> Problems.of(status, "not-acceptable", "Không đáp ứng được định dạng yêu cầu",
					"Dịch vụ chỉ trả về JSON.", List.of());
			case 415 -> Problems.of(status, "unsupported-media-type", "Định dạng nội dung không được hỗ trợ",
					"Nội dung gửi lên phải là JSON.", List.of());
			default -> (status.is4xxClientError())
					? Problems.of(status, "bad-request", "Yêu cầu không hợp lệ",
							"Yêu cầu không đúng với giao diện của dịch vụ.", List.of())
					: Problems.of(status, "internal-error", "Lỗi hệ thống",
							"Máy chủ gặp lỗi ngoài dự kiến; vui lòng thử lại sau.", List.of());
		};
	}

	private static ResponseEntity<ProblemDetail> render(ProblemDetail problem, String path, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(withInstance(problem, path));
	}

	private static ProblemDetail withInstance(ProblemDetail problem, String path) {
		if (problem.getInstance() == null && !path.isEmpty()) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException ex) {
				// A path that is not a valid URI reference is left out rather than
				// failing
				// the error response itself.
			}
		}
		return problem;
	}

}
