package vn.gov.cchc.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.conditions.ArchConditions;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

	/**
	 * A class a newcomer cannot read in one sitting does several things; the limit counts
	 * the lines of its source file, comments included.
	 */
	@ArchTest
	public static final ArchRule noClassIsLongerThan400Lines = classes().that()
		.areTopLevelClasses()
		.should(haveAtMostLines(400))
		.because("a class over 400 lines does more than one thing: split it by what it does");

	static ArchCondition<JavaClass> haveAtMostLines(int most) {
		return new ArchCondition<>("have at most " + most + " lines in their source file") {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				sourceFile(javaClass).ifPresent((file) -> {
					long lines = lines(file);
					if (lines > most) {
						events.add(SimpleConditionEvent.violated(javaClass,
								javaClass.getName() + " has " + lines + " lines (" + file + ")"));
					}
				});
			}

		};
	}

	/**
	 * The source file of a class compiled by Maven: its class file sits under
	 * {@code target/classes}, its source under {@code src/main/java}, in the same package
	 * folders.
	 */
	static Optional<Path> sourceFile(JavaClass javaClass) {
		return javaClass.getSource()
			.filter((source) -> "file".equals(source.getUri().getScheme()))
			.map((source) -> Path.of(source.getUri()))
			.map((classFile) -> classFile.resolveSibling(javaClass.getSourceCodeLocation().getSourceFileName()))
			.map((file) -> Path.of(file.toString()
				.replace(File.separator + "target" + File.separator + "classes" + File.separator,
						File.separator + "src" + File.separator + "main" + File.separator + "java" + File.separator)))
			.filter(Files::isRegularFile);
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HouseRules() {
	}

}
