package vn.gov.cchc.plan;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import vn.gov.cchc.testing.HouseRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Module boundaries of plan-service.
 */
@AnalyzeClasses(packages = "vn.gov.cchc.plan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests houseRules = ArchTests.in(HouseRules.class);

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("vn.gov.cchc.plan.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule noOtherServiceIsImported = noClasses().that()
		.resideInAPackage("vn.gov.cchc.plan..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("vn.gov.cchc.report..", "vn.gov.cchc.notification..", "vn.gov.cchc.gateway..");

	@ArchTest
	static final ArchRule sharedPackagesKnowNoFeature = noClasses().that()
		.resideInAnyPackage("vn.gov.cchc.plan.cloudevent..", "vn.gov.cchc.plan.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("vn.gov.cchc.plan.unit..", "vn.gov.cchc.plan.ingest..", "vn.gov.cchc.plan.plan..");

	@ArchTest
	static final ArchRule unitsKnowNothingOfIngestion = noClasses().that()
		.resideInAPackage("vn.gov.cchc.plan.unit..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("vn.gov.cchc.plan.ingest..");

	@ArchTest
	static final ArchRule featuresDoNotReachIntoTheApplicationPackage = noClasses().that()
		.resideInAnyPackage("vn.gov.cchc.plan.(*)..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("vn.gov.cchc.plan");

}
