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

	/**
	 * A service publishes its events through platform-outbox's relay, whose one
	 * idempotent producer waits for the broker before clearing an event: a producer of a
	 * service's own would be a second road to Kafka, with its own settings and none of
	 * the relay's ordering, lease and reconciliation. Kafka bindings (StreamBridge) are
	 * the other road, for what is not written to the store first.
	 */
	@ArchTest
	public static final ArchRule noProducerOutsideTheOutbox = noClasses().that()
		.resideOutsideOfPackage("vn.gov.cchc.outbox..")
		.should()
		.dependOnClassesThat()
		.haveNameMatching("org\\.apache\\.kafka\\.clients\\.producer\\.(Kafka)?Producer")
		.because(
				"events leave a service through platform-outbox's relay (or a binding), not a Kafka producer of its own");

	private HouseRules() {
	}

}
