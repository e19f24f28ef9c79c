package vn.gov.cchc.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The platform's one problem vocabulary: the kinds every service and the gateway answer
 * with, each with a stable {@code type} URI, a Vietnamese {@code title}, and an
 * {@code errors} array (empty when no single field is at fault).
 */
public final class Problems {

	/** Base of every problem {@code type}. */
	public static final String TYPE_BASE = "https://cchc.gov.vn/problems/";

	/** Name of the problem property that lists the offending fields. */
	public static final String ERRORS = "errors";

	/**
	 * Request attribute holding the slug of the problem answered, for features that count
	 * their rejections by reason.
	 */
	public static final String ANSWERED_SLUG_ATTRIBUTE = Problems.class.getName() + ".answeredSlug";

	/** Well-formed, but some fields break the rules. */
	public static final ProblemType INVALID_REQUEST = new ProblemType(HttpStatus.BAD_REQUEST, "invalid-request",
			"Dữ liệu không hợp lệ");

	/** The body is not JSON, or a value has the wrong JSON type. */
	public static final ProblemType MALFORMED_REQUEST = new ProblemType(HttpStatus.BAD_REQUEST, "malformed-request",
			"Không đọc được nội dung yêu cầu");

	/** Any other request the API does not take. */
	public static final ProblemType BAD_REQUEST = new ProblemType(HttpStatus.BAD_REQUEST, "bad-request",
			"Yêu cầu không hợp lệ");

	public static final ProblemType NOT_FOUND = new ProblemType(HttpStatus.NOT_FOUND, "not-found",
			"Không tìm thấy tài nguyên");

	public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType(HttpStatus.METHOD_NOT_ALLOWED,
			"method-not-allowed", "Phương thức không được hỗ trợ");

	public static final ProblemType NOT_ACCEPTABLE = new ProblemType(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
			"Không đáp ứng được định dạng yêu cầu");

	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
			"unsupported-media-type", "Định dạng nội dung không được hỗ trợ");

	/** A body over a service's cap. */
	public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType(HttpStatus.CONTENT_TOO_LARGE,
			"payload-too-large", "Nội dung yêu cầu quá lớn");

	public static final ProblemType INTERNAL_ERROR = new ProblemType(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
			"Lỗi hệ thống");

	/** Something the service needs is away; the title of every 503, whatever its slug. */
	public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType(HttpStatus.SERVICE_UNAVAILABLE,
			"service-unavailable", "Dịch vụ tạm thời không sẵn sàng");

	private Problems() {
	}

	/**
	 * A problem of a kind a feature names itself.
	 * @param status the HTTP status
	 * @param slug the last segment of the problem type URI
	 * @param title short Vietnamese summary of the kind of problem
	 * @param detail Vietnamese explanation of this occurrence
	 * @param errors the offending fields, possibly none
	 * @return the problem, without instance (the handler sets the request path)
	 */
	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail,
			List<FieldError> errors) {
		return new ProblemType(status, slug, title).problem(detail, errors);
	}

	public static ProblemDetail invalid(List<FieldError> errors) {
		return INVALID_REQUEST.problem("Một số trường của yêu cầu không hợp lệ; xem danh sách lỗi.", errors);
	}

	public static ProblemDetail unreadable(FieldError error) {
		return MALFORMED_REQUEST.problem(
				"Nội dung yêu cầu không phải JSON hợp lệ hoặc có giá trị sai kiểu; xem danh sách lỗi.", List.of(error));
	}

	public static ProblemDetail payloadTooLarge(long maxBytes) {
		return PAYLOAD_TOO_LARGE.problem("Nội dung yêu cầu vượt quá giới hạn " + maxBytes + " byte.",
				List.of(new FieldError(FieldError.BODY, "Nội dung vượt quá " + maxBytes + " byte.")));
	}

	/** The request is valid on its own but refers to something that does not fit. */
	public static ProblemDetail unprocessable(String slug, String title, String detail, List<FieldError> errors) {
		return of(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail, errors);
	}

	public static ProblemDetail conflict(String slug, String title, String detail, List<FieldError> errors) {
		return of(HttpStatus.CONFLICT, slug, title, detail, errors);
	}

	public static ProblemDetail notFound(String slug, String title, String detail) {
		return of(HttpStatus.NOT_FOUND, slug, title, detail, List.of());
	}

	/**
	 * A 503 naming what is away, e.g. {@code store-unavailable}.
	 * @param slug what is away
	 * @param detail what the client should do, in Vietnamese
	 */
	public static ProblemDetail unavailable(String slug, String detail) {
		return of(HttpStatus.SERVICE_UNAVAILABLE, slug, SERVICE_UNAVAILABLE.title(), detail, List.of());
	}

	public static ProblemDetail internalError(String detail) {
		return INTERNAL_ERROR.problem(detail, List.of());
	}

	/**
	 * The slug of a problem of the platform's vocabulary, e.g. {@code invalid-request}.
	 */
	public static String slugOf(ProblemDetail problem) {
		String type = problem.getType().toString();
		return type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : "other";
	}

}
