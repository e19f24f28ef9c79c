package vn.gov.cchc.testing;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules every service's code keeps, whatever its domain. Each service's
 * {@code ArchitectureTests} checks them on its own classes with
 * {@code ArchTests.in(HouseRules.class)}.
 */
public final class HouseRules {

	/**
	 * Maven builds into folders named {@code target}: a package of that name is skipped
	 * by every tool that skips build output, and once needed a negation in .gitignore.
	 */
	@ArchTest
	public static final ArchRule noPackageIsNamedTarget = noClasses().should()
		.resideInAPackage("..target..")
		.because("tools that skip Maven's target folders would skip the package too");

	private HouseRules() {
	}

}
