package vn.gov.cchc.plan.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * A request that cannot be served, with the problem to answer. Thrown by the features;
 * {@link ProblemHandler} renders it.
 */
public class ProblemException extends RuntimeException {

	private final ProblemDetail problem;

	private final HttpHeaders headers;

	public ProblemException(ProblemDetail problem) {
		this(problem, HttpHeaders.EMPTY);
	}

	public ProblemException(ProblemDetail problem, HttpHeaders headers) {
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
