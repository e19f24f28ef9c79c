package vn.gov.cchc.outbox;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.gov.cchc.testing.HouseRules;

/**
 * The house rules about size and names hold in platform-outbox too.
 */
@AnalyzeClasses(packages = "vn.gov.cchc.outbox", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule noClassIsLongerThan400Lines = HouseRules.noClassIsLongerThan400Lines;

	@ArchTest
	static final ArchRule noPackageIsNamedTarget = HouseRules.noPackageIsNamedTarget;

}
