package vn.gov.cchc.rulefixture;

import java.util.List;

import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

/**
 * What a feature does instead: its problems as values, thrown as the shared exception.
 */
final class FixtureProblems {

	private FixtureProblems() {
	}

	static ProblemException closed(String planId) {
		return new ProblemException(Problems.conflict("plan-closed", "Kế hoạch đã kết thúc", planId, List.of()));
	}

}
