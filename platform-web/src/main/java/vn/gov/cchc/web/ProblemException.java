package vn.gov.cchc.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * A request that cannot be served, with the problem to answer (and headers such as
 * {@code Retry-After}). Thrown by the features, rendered by the platform's handler; the
 * one exception of its kind, so that no service grows its own.
 */
public class ProblemException extends RuntimeException {

	private final ProblemDetail problem;

	private final HttpHeaders headers;

	public ProblemException(ProblemDetail problem) {
		this(problem, HttpHeaders.EMPTY);
	}

	public ProblemException(ProblemDetail problem, HttpHeaders headers) {
		// An answer to a client, not a failure: no stack trace to fill.
		super(problem.getTitle() + ": " + problem.getDetail(), null, false, false);
		this.problem = problem;
		this.headers = headers;
	}

	public ProblemDetail getProblem() {
		return this.problem;
	}

	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
