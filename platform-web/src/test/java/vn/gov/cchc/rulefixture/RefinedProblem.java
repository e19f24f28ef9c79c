package vn.gov.cchc.rulefixture;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import vn.gov.cchc.web.ProblemException;

class RefinedProblem extends ProblemException {

	RefinedProblem() {
		super(ProblemDetail.forStatus(HttpStatus.CONFLICT));
	}

}
