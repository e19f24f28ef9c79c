package vn.gov.cchc.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns what Jackson reports about an unreadable body into a {@link FieldError} naming
 * the JSON path of the value at fault. Binding errors carry their path; a syntax error
 * only has the parser's position, so the path is taken from the parser's context. Public
 * for features that read JSON outside a request body (items of a batch, Kafka records).
 */
public final class JsonReadErrors {

	private JsonReadErrors() {
	}

	public static FieldError of(JacksonException ex) {
		return new FieldError(path(ex), message(ex));
	}

	static String path(JacksonException ex) {
		List<JacksonException.Reference> references = ex.getPath();
		if (!references.isEmpty()) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference reference : references) {
				if (reference.getPropertyName() != null) {
					appendName(path, reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			return path.isEmpty() ? FieldError.BODY : path.toString();
		}
		if (ex.processor() instanceof JsonParser parser) {
			return path(parser.streamReadContext());
		}
		return FieldError.BODY;
	}

	private static String path(@Nullable TokenStreamContext context) {
		Deque<String> segments = new ArrayDeque<>();
		for (TokenStreamContext current = context; current != null
				&& !current.inRoot(); current = current.getParent()) {
			if (current.inObject() && current.currentName() != null) {
				segments.push("." + current.currentName());
			}
			else if (current.inArray() && current.hasCurrentIndex()) {
				segments.push("[" + current.getCurrentIndex() + "]");
			}
		}
		String path = String.join("", segments);
		if (path.startsWith(".")) {
			path = path.substring(1);
		}
		return path.isEmpty() ? FieldError.BODY : path;
	}

	private static void appendName(StringBuilder path, String name) {
		if (!path.isEmpty()) {
			path.append('.');
		}
		path.append(name);
	}

	private static String message(JacksonException ex) {
		if (ex instanceof InputCoercionException) {
			return "Số nằm ngoài phạm vi cho phép.";
		}
		if (ex instanceof MismatchedInputException mismatch) {
			return expected(mismatch.getTargetType());
		}
		if (ex instanceof StreamReadException) {
			var location = ex.getLocation();
			return (location != null && location.getLineNr() > 0)
					? "JSON sai cú pháp ở dòng " + location.getLineNr() + ", cột " + location.getColumnNr() + "."
					: "JSON sai cú pháp.";
		}
		return "Giá trị không đọc được.";
	}

	static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "Giá trị sai kiểu.";
		}
		if (type.isEnum()) {
			String accepted = Arrays.stream(type.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return "Giá trị không hợp lệ; chỉ nhận một trong: " + accepted + ".";
		}
		if (type == String.class) {
			return "Phải là một chuỗi ký tự.";
		}
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return "Phải là một số nguyên (không có phần thập phân, không đặt trong dấu nháy).";
		}
		if (type == LocalDate.class) {
			return "Phải là một ngày có thật dạng \"YYYY-MM-DD\".";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "Phải là một thời điểm dạng ISO-8601.";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "Phải là một đối tượng JSON.";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "Phải là một mảng JSON.";
		}
		return "Giá trị sai kiểu.";
	}

}
