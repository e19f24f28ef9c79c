package vn.gov.cchc.plan.validation;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import vn.gov.cchc.web.ConstraintViolations;
import vn.gov.cchc.web.FieldError;

/**
 * Bean Validation for the request records: the validator the features call, and the
 * turning of its violations into the {@link FieldError}s of a problem. A field is named
 * by its JSON path ({@code activities[2].cadence.times}, {@code quantities.minutes}), as
 * platform-web's handler names it, and named once, with its most basic fault (missing
 * before too long before malformed), the way the hand-written rules always answered;
 * errors are listed in the order of the request's fields, so that a response does not
 * depend on the order the validator happened to find them in.
 *
 * <p>
 * Messages come from {@code ValidationMessages.properties} and are interpolated without
 * an expression language: a template never sees the rejected value, so nothing a client
 * sends can be evaluated.
 */
public final class Violations {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final ValidatorFactory factory = Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new ParameterMessageInterpolator(Set.of(VIETNAMESE), VIETNAMESE, false))
		.buildValidatorFactory();

	private static final ResourceBundle messages = ResourceBundle.getBundle("ValidationMessages", VIETNAMESE);

	private static final Pattern STEP = Pattern.compile("\\[(\\d+)]|\\.?([^.\\[]+)");

	private Violations() {
	}

	/** The validator, with the system clock for rules relative to today. */
	public static Validator validator() {
		return factory.getValidator();
	}

	/** The validator, with the given clock for rules relative to today. */
	public static Validator validator(Clock clock) {
		return factory.usingContext().clockProvider(() -> clock).getValidator();
	}

	/** A message of the bundle, e.g. {@code cchc.required}. */
	public static String message(String key) {
		return messages.getString(key);
	}

	/**
	 * The violations as errors, one per field, inside {@code at} (e.g. {@code [3]} for a
	 * batch item; empty for the whole body).
	 */
	public static List<FieldError> errors(Set<? extends ConstraintViolation<?>> violations, String at) {
		Map<String, ConstraintViolation<?>> basic = new LinkedHashMap<>();
		for (ConstraintViolation<?> violation : violations) {
			basic.merge(path(at, ConstraintViolations.path(violation)), violation,
					(one, other) -> (rank(other) < rank(one)) ? other : one);
		}
		List<FieldError> errors = new ArrayList<>(basic.size());
		basic.forEach((field, violation) -> errors.add(new FieldError(field, violation.getMessage())));
		return errors;
	}

	/** {@code field} inside {@code at}: {@code [2].name}, or {@code name} at the top. */
	public static String path(String at, String field) {
		if (at.isEmpty() || field.equals(FieldError.BODY)) {
			return at.isEmpty() ? field : at;
		}
		return field.startsWith("[") ? at + field : at + "." + field;
	}

	/** Whether any of the errors names the field or something inside it. */
	public static boolean names(List<FieldError> errors, String field) {
		return errors.stream()
			.anyMatch((error) -> error.field().equals(field) || error.field().startsWith(field + ".")
					|| error.field().startsWith(field + "["));
	}

	/**
	 * Orders errors as the fields of the request record {@code type} are declared, list
	 * items by index; errors about something else (e.g. a path parameter) come first. The
	 * sort is stable, so errors of one field keep their order.
	 */
	public static Comparator<FieldError> inOrderOf(Class<?> type) {
		Map<String, List<Integer>> keys = new LinkedHashMap<>();
		return Comparator.comparing((FieldError error) -> keys.computeIfAbsent(error.field(), (f) -> key(type, f)),
				Violations::compare);
	}

	private static int rank(ConstraintViolation<?> violation) {
		Class<?> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
		if (type == NotNull.class || type == NotBlank.class || type == NotEmpty.class) {
			return 0;
		}
		return (type == Text.class || type == Size.class) ? 1 : 2;
	}

	private static List<Integer> key(Class<?> root, String field) {
		List<Integer> key = new ArrayList<>();
		Type type = root;
		Matcher step = STEP.matcher(field);
		while (step.find()) {
			Class<?> raw = raw(type);
			if (step.group(1) != null) {
				key.add(Integer.parseInt(step.group(1)));
				type = argument(type, 0);
			}
			else if (Map.class.isAssignableFrom(raw)) {
				key.add(0);
				type = argument(type, 1);
			}
			else {
				int index = -1;
				RecordComponent[] components = raw.isRecord() ? raw.getRecordComponents() : new RecordComponent[0];
				for (int i = 0; i < components.length && index < 0; i++) {
					if (components[i].getName().equals(step.group(2))) {
						index = i;
						type = components[i].getGenericType();
					}
				}
				key.add(index);
				if (index < 0) {
					type = Object.class;
				}
			}
		}
		return key;
	}

	private static Class<?> raw(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return (type instanceof Class<?> plain) ? plain : Object.class;
	}

	private static Type argument(Type type, int index) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
			return parameterized.getActualTypeArguments()[index];
		}
		return Object.class;
	}

	private static int compare(List<Integer> one, List<Integer> other) {
		for (int i = 0; i < Math.min(one.size(), other.size()); i++) {
			int compared = Integer.compare(one.get(i), other.get(i));
			if (compared != 0) {
				return compared;
			}
		}
		return Integer.compare(one.size(), other.size());
	}

}
