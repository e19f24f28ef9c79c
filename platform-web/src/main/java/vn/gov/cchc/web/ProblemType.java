package vn.gov.cchc.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A kind of problem: the status it is answered with, the last segment of its {@code type}
 * URI, on which clients may dispatch, and its Vietnamese {@code title}, the same for
 * every occurrence (RFC 9457, 3.1.3). The platform's own are in {@link Problems}; a
 * feature declares those of its domain the same way.
 *
 * @param status the HTTP status
 * @param slug the last segment of the type URI, e.g. {@code invalid-request}
 * @param title a short Vietnamese summary of the kind
 */
public record ProblemType(HttpStatusCode status, String slug, String title) {

	/** The {@code type} URI, under {@value Problems#TYPE_BASE}. */
	public URI uri() {
		return URI.create(Problems.TYPE_BASE + this.slug);
	}

	/**
	 * An occurrence of this kind.
	 * @param detail what went wrong this time, in Vietnamese
	 * @param errors the offending fields, possibly none
	 * @return the problem, without instance (the handler sets the request path)
	 */
	public ProblemDetail problem(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
		problem.setType(uri());
		problem.setTitle(this.title);
		problem.setProperty(Problems.ERRORS, List.copyOf(errors));
		return problem;
	}

	/** {@link #problem(String, List)} as the exception that answers it. */
	public ProblemException exception(String detail, List<FieldError> errors) {
		return new ProblemException(problem(detail, errors));
	}

}
