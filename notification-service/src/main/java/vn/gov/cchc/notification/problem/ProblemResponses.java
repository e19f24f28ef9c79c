package vn.gov.cchc.notification.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the framework's own errors (unknown path, wrong method, unreadable body, ...)
 * into the platform's Vietnamese problem shape, and any unexpected failure into a 500
 * problem without internals. Problems a feature builds itself pass through unchanged.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemResponses.class);

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private record Wording(String slug, String title, String detail) {
	}

	private static final Map<Integer, Wording> wordings = Map.of(400,
			new Wording("bad-request", "Yêu cầu không hợp lệ", "Yêu cầu không đúng định dạng mà dịch vụ chấp nhận."),
			404, new Wording("not-found", "Không tìm thấy tài nguyên", "Không có tài nguyên nào tại đường dẫn này."),
			405,
			new Wording("method-not-allowed", "Phương thức không được hỗ trợ",
					"Đường dẫn này không hỗ trợ phương thức HTTP đã dùng."),
			406,
			new Wording("not-acceptable", "Không thể trả về định dạng yêu cầu",
					"Dịch vụ chỉ trả về JSON (application/json hoặc application/problem+json)."),
			415,
			new Wording("unsupported-media-type", "Định dạng nội dung không được hỗ trợ",
					"Nội dung yêu cầu phải là JSON (application/json)."),
			500,
			new Wording("internal-error", "Lỗi hệ thống",
					"Đã xảy ra lỗi ngoài dự kiến; vui lòng thử lại sau hoặc liên hệ quản trị viên."),
			503,
			new Wording("service-unavailable", "Dịch vụ tạm thời không sẵn sàng", "Vui lòng thử lại sau ít phút."));

	private static final Wording fallback = new Wording("request-failed", "Yêu cầu không thành công",
			"Dịch vụ không thể xử lý yêu cầu này.");

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail
				: (ex instanceof ErrorResponse response) ? response.getBody() : ProblemDetail.forStatus(status);
		if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
			problem = localized(status);
		}
		return super.handleExceptionInternal(ex, problem, headers, status, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Unexpected failure while answering a request", ex);
		HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
		return ResponseEntity.status(status).body(localized(status));
	}

	private static ProblemDetail localized(HttpStatusCode status) {
		Wording wording = wordings.getOrDefault(status.value(), fallback);
		return Problems.problem(status, wording.slug(), wording.title(), wording.detail(), List.of());
	}

}
