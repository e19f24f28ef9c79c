package vn.gov.cchc.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemType;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * The RFC 9457 answers for a request without a valid token (401) and for one its token
 * does not allow (403), kinds of platform-web's vocabulary like every other problem: a
 * stable {@code type}, Vietnamese {@code title} and {@code detail}, and {@code errors}
 * naming the field at fault. The gateway answers with the same kinds.
 */
public final class SecurityProblems {

	public static final ProblemType UNAUTHENTICATED = new ProblemType(HttpStatus.UNAUTHORIZED, "unauthenticated",
			"Chưa xác thực");

	public static final ProblemType FORBIDDEN = new ProblemType(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền");

	private SecurityProblems() {
	}

	public static ProblemDetail unauthenticated(AuthenticationException ex) {
		String why = (ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null)
				? "Mã truy cập không hợp lệ hoặc đã hết hạn." : "Yêu cầu chưa kèm mã truy cập (Bearer token).";
		return of(UNAUTHENTICATED, why + " Hãy lấy mã truy cập từ máy chủ cấp quyền rồi gửi lại.", "Authorization");
	}

	public static ProblemDetail forbidden(AccessDeniedException ex) {
		if (ex instanceof ScopeDeniedException scope) {
			return of(FORBIDDEN, scope.detail(), scope.field());
		}
		return of(FORBIDDEN, "Vai trò của tài khoản này không được thực hiện yêu cầu này.", null);
	}

	private static ProblemDetail of(ProblemType type, String detail, @Nullable String field) {
		return type.problem(detail, (field != null) ? List.of(new FieldError(field, detail)) : List.of());
	}

}
