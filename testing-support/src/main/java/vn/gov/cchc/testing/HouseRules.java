package vn.gov.cchc.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules every service's code keeps, whatever its domain. Each service's
 * {@code ArchitectureTests} checks them on its own classes with
 * {@code ArchTests.in(HouseRules.class)}.
 */
public final class HouseRules {

	private static final String PLATFORM_WEB = "vn.gov.cchc.web..";

	private static final String PLATFORM_SECURITY = "vn.gov.cchc.security..";

	/**
	 * Maven builds into folders named {@code target}: a package of that name is skipped
	 * by every tool that skips build output, and once needed a negation in .gitignore.
	 */
	@ArchTest
	public static final ArchRule noPackageIsNamedTarget = noClasses().should()
		.resideInAPackage("..target..")
		.because("tools that skip Maven's target folders would skip the package too");

	/**
	 * Errors are answered in one vocabulary by one handler (platform-web's, and
	 * platform-security's for 401 and 403): a service that adds its own advice, its own
	 * {@code ErrorResponseException} or its own kind of problem exception answers in a
	 * second shape sooner or later. A service's domain problems are values thrown with
	 * {@code vn.gov.cchc.web.ProblemException}.
	 */
	@ArchTest
	public static final ArchRule problemsAreAnsweredByThePlatformOnly = noClasses().that()
		.resideOutsideOfPackages(PLATFORM_WEB, PLATFORM_SECURITY)
		.should()
		.beAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
		.orShould()
		.beAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
		.orShould()
		.beAssignableTo("org.springframework.web.ErrorResponseException")
		.orShould()
		.beAssignableTo("org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler")
		.orShould()
		.beAssignableTo("vn.gov.cchc.web.ProblemException")
		.orShould(ArchConditions.be(are(JavaClass.Predicates.assignableTo(Throwable.class))
			.and(JavaClass.Predicates.simpleNameContaining("Problem"))
			.as("an exception named *Problem*")))
		.because("platform-web holds the one problem vocabulary and its handler");

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
