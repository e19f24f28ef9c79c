package vn.gov.cchc.plan.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * The name of a metric progress is counted in, as a plan's activity declares it and a
 * report's quantities use it: lower case, digits and underscores, at most 40 characters.
 */
@Documented
@Pattern(regexp = "^[a-z][a-z0-9_]{0,39}$")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Metric {

	String message() default "{cchc.metric}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
