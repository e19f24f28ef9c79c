package vn.gov.cchc.plan.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A day from {@link #min} to {@link #max}, both ISO dates, either left empty for no
 * bound; {@value #TOMORROW} stands for tomorrow in Vietnam, by the validator's clock (a
 * commune system's clock may run a little ahead).
 */
@Documented
@Constraint(validatedBy = Day.Validator.class)
@Target({ ElementType.FIELD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Day.List.class)
public @interface Day {

	String TOMORROW = "tomorrow";

	ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	String min() default "2000-01-01";

	String max() default "2100-12-31";

	String message() default "{cchc.day}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	@Documented
	@Target({ ElementType.FIELD, ElementType.TYPE_USE })
	@Retention(RetentionPolicy.RUNTIME)
	@interface List {

		Day[] value();

	}

	class Validator implements ConstraintValidator<Day, LocalDate> {

		private @Nullable LocalDate min;

		private @Nullable String max;

		@Override
		public void initialize(Day day) {
			this.min = day.min().isEmpty() ? null : LocalDate.parse(day.min());
			this.max = day.max().isEmpty() ? null : day.max();
		}

		@Override
		public boolean isValid(@Nullable LocalDate value, ConstraintValidatorContext context) {
			if (value == null || (this.min != null && value.isBefore(this.min))) {
				return value == null;
			}
			if (this.max == null) {
				return true;
			}
			LocalDate max = this.max.equals(TOMORROW)
					? LocalDate.now(context.getClockProvider().getClock().withZone(VIETNAM)).plusDays(1)
					: LocalDate.parse(this.max);
			return !value.isAfter(max);
		}

	}

}
