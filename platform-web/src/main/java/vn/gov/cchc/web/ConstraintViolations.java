package vn.gov.cchc.web;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;

/**
 * The offending fields of a Bean Validation failure, by the path a client knows: the JSON
 * path inside a body, or the parameter's name, never the Java method's. Apart from the
 * handler so that a service without Bean Validation never loads it. A service that calls
 * the validator itself names its fields with {@link #path} too, so that a field has one
 * name whoever finds it at fault.
 */
public final class ConstraintViolations {

	private ConstraintViolations() {
	}

	/**
	 * @param ex what a request failed with
	 * @return the offending fields if it is a Bean Validation failure, else {@code null}
	 */
	static @Nullable List<FieldError> errorsIn(Throwable ex) {
		ConstraintViolationException violations = ProblemHandler.findCause(ex, ConstraintViolationException.class);
		if (violations == null) {
			return null;
		}
		return violations.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(path(violation), violation.getMessage()))
			.toList();
	}

	/**
	 * {@code activities[0].budgetVnd} for a body's field, {@code quantities.minutes} for
	 * an entry of a map (a JSON object, named as Jackson names it), {@code unitCode} for
	 * a parameter, without the method ({@code create.request.}) that method validation
	 * puts first.
	 */
	public static String path(ConstraintViolation<?> violation) {
		StringBuilder path = new StringBuilder();
		String parameter = null;
		for (Path.Node node : violation.getPropertyPath()) {
			ElementKind kind = node.getKind();
			if (kind == ElementKind.PARAMETER) {
				parameter = node.getName();
				continue;
			}
			if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT) {
				continue;
			}
			// An element of a list or map carries its position, the container the name
			// before it.
			if (node.isInIterable() && node.getKey() != null) {
				path.append(path.isEmpty() ? "" : ".").append(node.getKey());
			}
			else if (node.isInIterable()) {
				path.append('[').append((node.getIndex() != null) ? node.getIndex() : "").append(']');
			}
			if (node.getName() != null && !node.getName().startsWith("<")) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(node.getName());
			}
		}
		if (!path.isEmpty()) {
			return path.toString();
		}
		return (parameter != null) ? parameter : FieldError.BODY;
	}

}
