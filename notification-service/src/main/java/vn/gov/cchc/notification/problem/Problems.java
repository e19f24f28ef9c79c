package vn.gov.cchc.notification.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds problems in the platform's one shape: a {@code type} under {@value #TYPE_BASE},
 * Vietnamese {@code title} and {@code detail}, and an {@code errors} array naming each
 * offending field.
 */
public final class Problems {

	public static final String TYPE_BASE = "https://cchc.gov.vn/problems/";

	public static final String ERRORS = "errors";

	private Problems() {
	}

	public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail,
			List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(title);
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

}
