package vn.gov.cchc.report.problem;

import org.springframework.http.ProblemDetail;

/**
 * Ends a request with the given problem; rendered by {@link ProblemHandler}.
 */
public class ProblemException extends RuntimeException {

	private final ProblemDetail problem;

	public ProblemException(ProblemDetail problem) {
		super(problem.getDetail());
		this.problem = problem;
	}

	public ProblemDetail getProblem() {
		return this.problem;
	}

}
