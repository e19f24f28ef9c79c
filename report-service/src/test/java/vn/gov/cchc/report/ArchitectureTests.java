package vn.gov.cchc.report;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Module boundaries of the report service.
 */
@AnalyzeClasses(packages = "vn.gov.cchc.report", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("vn.gov.cchc.report.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule noOtherServiceIsImported = noClasses().that()
		.resideInAPackage("vn.gov.cchc.report..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("vn.gov.cchc.plan..", "vn.gov.cchc.notification..", "vn.gov.cchc.gateway..");

	@ArchTest
	static final ArchRule sharedPackagesKnowNoFeature = noClasses().that()
		.resideInAnyPackage("vn.gov.cchc.report.problem..", "vn.gov.cchc.report.cloudevent..",
				"vn.gov.cchc.report.store..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("vn.gov.cchc.report.unit..", "vn.gov.cchc.report.ledger..", "vn.gov.cchc.report.totals..");

	@ArchTest
	static final ArchRule featuresDoNotReachIntoTheApplicationClass = noClasses().that()
		.resideInAnyPackage("vn.gov.cchc.report.(*)..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("vn.gov.cchc.report");

}
