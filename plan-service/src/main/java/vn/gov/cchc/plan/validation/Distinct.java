package vn.gov.cchc.plan.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * No value twice in a list: each repetition is named by its index, with the message
 * (which may name the value as {@code {value}}). Texts are compared stripped; nulls are
 * left to {@code @NotNull} on the element.
 */
@Documented
@Constraint(validatedBy = Distinct.Validator.class)
@Target({ ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Distinct {

	String message() default "{cchc.distinct}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Distinct, List<?>> {

		@Override
		public boolean isValid(@Nullable List<?> values, ConstraintValidatorContext context) {
			if (values == null) {
				return true;
			}
			Set<Object> seen = new HashSet<>();
			boolean valid = true;
			for (int i = 0; i < values.size(); i++) {
				Object value = (values.get(i) instanceof String text) ? text.strip() : values.get(i);
				if (value != null && !seen.add(value)) {
					if (valid) {
						context.disableDefaultConstraintViolation();
						valid = false;
					}
					context.unwrap(HibernateConstraintValidatorContext.class)
						.addMessageParameter("value", value)
						.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
						.addContainerElementNode("<list element>", List.class, 0)
						.inIterable()
						.atIndex(i)
						.addConstraintViolation();
				}
			}
			return valid;
		}

	}

}
