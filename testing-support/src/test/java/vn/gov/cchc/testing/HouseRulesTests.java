package vn.gov.cchc.testing;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

class HouseRulesTests {

	private final JavaClass houseRules = new ClassFileImporter().importClass(HouseRules.class);

	@Test
	void findsTheSourceFileOfAClassCompiledByMaven() {
		assertThat(HouseRules.sourceFile(this.houseRules)).hasValueSatisfying((file) -> assertThat(file)
			.endsWith(Path.of("src", "main", "java", "vn", "gov", "cchc", "testing", "HouseRules.java")));
	}

	@Test
	void namesAClassLongerThanTheLimitWithItsLineCount() {
		ArchRule rule = classes().should(HouseRules.haveAtMostLines(20));

		EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(HouseRules.class));

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails())
			.anySatisfy((detail) -> assertThat(detail).contains("vn.gov.cchc.testing.HouseRules has ")
				.contains(" lines (")
				.contains("HouseRules.java"));
	}

	@Test
	void letsAClassWithinTheLimitPass() {
		ArchRule rule = classes().should(HouseRules.haveAtMostLines(400));

		assertThat(rule.evaluate(new ClassFileImporter().importClasses(HouseRules.class)).hasViolation()).isFalse();
	}

}
