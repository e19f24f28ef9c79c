package vn.gov.cchc.report;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import vn.gov.cchc.testing.HouseRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Module boundaries of the report service.
 */
@AnalyzeClasses(packages = "vn.gov.cchc.report", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests houseRules = ArchTests.in(HouseRules.class);

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
		.resideInAnyPackage("vn.gov.cchc.report.web..", "vn.gov.cchc.report.store..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("vn.gov.cchc.report.unit..", "vn.gov.cchc.report.plan..", "vn.gov.cchc.report.counting..",
				"vn.gov.cchc.report.figures..", "vn.gov.cchc.report.totals..", "vn.gov.cchc.report.period..",
				"vn.gov.cchc.report.indicator..", "vn.gov.cchc.report.submission..", "vn.gov.cchc.report.export..",
				"vn.gov.cchc.report.dashboard..");

	/**
	 * Exports turn a finished document into bytes; they know no feature, so that any of
	 * them (a submission, a consolidated report) can be filed the same way.
	 */
	@ArchTest
	static final ArchRule exportsKnowNoFeature = noClasses().that()
		.resideInAPackage("vn.gov.cchc.report.export..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("vn.gov.cchc.report.unit..", "vn.gov.cchc.report.plan..", "vn.gov.cchc.report.counting..",
				"vn.gov.cchc.report.figures..", "vn.gov.cchc.report.period..", "vn.gov.cchc.report.submission..");

	/**
	 * The dashboard only reads what the features offer; nothing may come to depend on it,
	 * so that it can change with the screens it serves.
	 */
	@ArchTest
	static final ArchRule noFeatureDependsOnTheDashboard = noClasses().that()
		.resideOutsideOfPackage("vn.gov.cchc.report.dashboard..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("vn.gov.cchc.report.dashboard..");

	@ArchTest
	static final ArchRule featuresDoNotReachIntoTheApplicationClass = noClasses().that()
		.resideInAnyPackage("vn.gov.cchc.report.(*)..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("vn.gov.cchc.report");

}
