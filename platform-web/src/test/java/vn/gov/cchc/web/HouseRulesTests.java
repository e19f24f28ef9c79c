package vn.gov.cchc.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import vn.gov.cchc.testing.HouseRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rule that keeps problem answers in this module catches each way a service
 * could grow its own, and lets a feature's problems as values pass.
 */
class HouseRulesTests {

	private final JavaClasses fixtures = new ClassFileImporter().importPackages("vn.gov.cchc.rulefixture");

	@Test
	void catchesAdviceErrorResponsesAndProblemExceptionsOutsideThePlatform() {
		EvaluationResult result = HouseRules.problemsAreAnsweredByThePlatformOnly.evaluate(this.fixtures);

		String report = String.join("\n", result.getFailureReport().getDetails());
		assertThat(report).contains("OwnAdvice", "OwnControllerAdvice", "OwnErrorResponse", "OwnProblemException",
				"RefinedProblem");
		assertThat(report).doesNotContain("FixtureProblems");
	}

}
