package vn.gov.cchc.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * The RFC 9457 answers for a request without a valid token (401) and for one its token
 * does not allow (403), in the same shape as every other problem of the platform: a
 * stable {@code type}, Vietnamese {@code title} and {@code detail}, and {@code errors}
 * naming the field at fault.
 */
public final class SecurityProblems {

	/** Base of every problem {@code type}, as in the services. */
	public static final String TYPE_BASE = "https://cchc.gov.vn/problems/";

	private SecurityProblems() {
	}

	public static ProblemDetail unauthenticated(AuthenticationException ex) {
		String why = (ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null)
				? "Mã truy cập không hợp lệ hoặc đã hết hạn." : "Yêu cầu chưa kèm mã truy cập (Bearer token).";
		return of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Chưa xác thực",
				why + " Hãy lấy mã truy cập từ máy chủ cấp quyền rồi gửi lại.", "Authorization");
	}

	public static ProblemDetail forbidden(AccessDeniedException ex) {
		if (ex instanceof ScopeDeniedException scope) {
			return of(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền", scope.detail(), scope.field());
		}
		return of(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền",
				"Vai trò của tài khoản này không được thực hiện yêu cầu này.", null);
	}

	private static ProblemDetail of(HttpStatus status, String slug, String title, String detail,
			@Nullable String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(title);
		problem.setProperty("errors", (field != null) ? List.of(Map.of("field", field, "message", detail)) : List.of());
		return problem;
	}

}
