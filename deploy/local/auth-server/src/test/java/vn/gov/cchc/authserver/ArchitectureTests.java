package vn.gov.cchc.authserver;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "vn.gov.cchc.authserver", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("vn.gov.cchc.authserver.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule theIdentitiesKnowNothingOfOAuth = noClasses().that()
		.resideInAPackage("vn.gov.cchc.authserver.identity..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.security..", "vn.gov.cchc.authserver.issuer..",
				"vn.gov.cchc.authserver.login..");

	@ArchTest
	static final ArchRule importsNoService = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("vn.gov.cchc.plan..", "vn.gov.cchc.report..", "vn.gov.cchc.notification..",
				"vn.gov.cchc.gateway..", "vn.gov.cchc.events..");

}
