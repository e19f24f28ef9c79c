package vn.gov.cchc.report.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details in the shared shape.
 */
public final class Problems {

	static final String TYPE_BASE = "https://cchc.gov.vn/problems/";

	private Problems() {
	}

	/**
	 * A problem of the given kind.
	 * @param status the HTTP status
	 * @param slug the last segment of the problem type URI
	 * @param title short Vietnamese summary of the kind of problem
	 * @param detail Vietnamese explanation of this occurrence
	 * @param errors the offending fields, possibly none
	 * @return the problem, without instance (the handler sets the request path)
	 */
	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail,
			List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(title);
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

}
