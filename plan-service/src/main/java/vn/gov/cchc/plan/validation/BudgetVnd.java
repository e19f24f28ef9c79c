package vn.gov.cchc.plan.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Money in whole VND, from 0 to ten thousand billion: more is a typing error. */
@Documented
@Min(0)
@Max(BudgetVnd.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface BudgetVnd {

	long MAX = 10_000_000_000_000L;

	String message() default "{cchc.budgetVnd}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
