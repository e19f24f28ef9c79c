package vn.gov.cchc.plan.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Free text: at most {@link #max} characters once stripped of surrounding blanks, and
 * nothing that is not text: no control characters (but line breaks and tabs where
 * {@link #lineBreaks} allows them), no invisible direction overrides, no broken UTF-16.
 * Blank text counts as absent; whether it may be absent is {@code @NotBlank}'s business.
 * Text that passes is stored and published as a string value, never interpreted.
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({ ElementType.FIELD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

	int max();

	boolean lineBreaks() default true;

	/** The message when the text is too long; the others are fixed. */
	String message() default "{cchc.text.tooLong}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<Text, String> {

		private int max;

		private boolean lineBreaks;

		@Override
		public void initialize(Text text) {
			this.max = text.max();
			this.lineBreaks = text.lineBreaks();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			String stripped = value.strip();
			if (stripped.codePointCount(0, stripped.length()) > this.max) {
				return false;
			}
			String refused = refused(value);
			if (refused != null) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(refused).addConstraintViolation();
			}
			return refused == null;
		}

		private @Nullable String refused(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (Character.isISOControl(c) && !(this.lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
					return this.lineBreaks ? "{cchc.text.control}" : "{cchc.text.controlOrLineBreak}";
				}
				if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
					return "{cchc.text.direction}";
				}
				if (Character.isHighSurrogate(c) && i + 1 < value.length()
						&& Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c)) {
					return "{cchc.text.surrogate}";
				}
			}
			return null;
		}

	}

}
