package vn.gov.cchc.plan.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problems this service answers. Every one has a stable {@code type} URI that clients
 * may dispatch on, Vietnamese {@code title} and {@code detail}, and an {@code errors}
 * array (empty when no single field is at fault).
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

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail,
			List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(title);
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

	/** The request is well-formed JSON but some fields break the rules. */
	public static ProblemDetail invalid(List<FieldError> errors) {
		return of(HttpStatus.BAD_REQUEST, "invalid-request", "Dữ liệu không hợp lệ",
				"Một số trường của yêu cầu không hợp lệ; xem danh sách lỗi.", errors);
	}

	/** The body is not JSON, or a value has the wrong JSON type. */
	public static ProblemDetail unreadable(FieldError error) {
		return of(HttpStatus.BAD_REQUEST, "malformed-request", "Không đọc được nội dung yêu cầu",
				"Nội dung yêu cầu không phải JSON hợp lệ hoặc có giá trị sai kiểu; xem danh sách lỗi.", List.of(error));
	}

	public static ProblemDetail payloadTooLarge(long maxBytes) {
		return of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Nội dung yêu cầu quá lớn",
				"Nội dung yêu cầu vượt quá giới hạn " + maxBytes + " byte.",
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

	public static ProblemDetail unavailable(String slug, String detail) {
		return of(HttpStatus.SERVICE_UNAVAILABLE, slug, "Dịch vụ tạm thời không khả dụng", detail, List.of());
	}

	/** The slug of a problem made by this class, e.g. {@code invalid-request}. */
	public static String slugOf(ProblemDetail problem) {
		String type = problem.getType().toString();
		return type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : "other";
	}

}
