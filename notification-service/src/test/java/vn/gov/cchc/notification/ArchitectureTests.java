package vn.gov.cchc.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import vn.gov.cchc.testing.HouseRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "vn.gov.cchc.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests houseRules = ArchTests.in(HouseRules.class);

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("vn.gov.cchc.notification.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule importsNoOtherService = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("vn.gov.cchc.plan..", "vn.gov.cchc.report..", "vn.gov.cchc.gateway..");

	@ArchTest
	static final ArchRule featuresDoNotReachIntoTheApplicationPackage = noClasses().that()
		.resideInAPackage("vn.gov.cchc.notification.(*)..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("vn.gov.cchc.notification");

}
