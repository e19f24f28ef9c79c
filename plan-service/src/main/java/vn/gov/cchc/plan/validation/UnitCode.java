package vn.gov.cchc.plan.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * An official unit code: upper-case letters, digits, dots and dashes, starting with a
 * letter or digit, at most 32 characters. Blank counts as absent. Codes are compared as
 * sent, unless {@link #strip} says surrounding blanks are dropped first (as for the
 * references of a unit, which are stored stripped).
 */
@Documented
@Constraint(validatedBy = UnitCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface UnitCode {

	Pattern PATTERN = Pattern.compile("^[0-9A-Z][0-9A-Z.-]{0,31}$");

	boolean strip() default false;

	String message() default "{cchc.unitCode}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<UnitCode, String> {

		private boolean strip;

		@Override
		public void initialize(UnitCode code) {
			this.strip = code.strip();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || PATTERN.matcher(this.strip ? value.strip() : value).matches();
		}

	}

}
