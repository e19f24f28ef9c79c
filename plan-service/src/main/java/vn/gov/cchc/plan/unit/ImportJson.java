package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

/**
 * Units as a JSON array in the {@code PUT /api/v1/units} shape, read element by element:
 * an element with a value of the wrong type (a {@code kind} no one knows, a date that is
 * not one) is one rejected row, not a refused file. Elements are bound with the HTTP
 * API's mapper, so they are read as strictly as a {@code PUT}.
 */
final class ImportJson {

	private ImportJson() {
	}

	/**
	 * @param body the request body
	 * @param json the mapper of the HTTP API
	 * @return a row per element, numbered by its index
	 * @throws ProblemException 400 if the body is not an array
	 */
	static List<ImportRow> read(JsonNode body, JsonMapper json) {
		if (!body.isArray()) {
			throw new ProblemException(Problems.invalid(List.of(new FieldError(FieldError.BODY,
					"Nội dung phải là một mảng JSON các đơn vị, như của PUT /api/v1/units."))));
		}
		List<ImportRow> rows = new ArrayList<>(body.size());
		for (int i = 0; i < body.size(); i++) {
			JsonNode element = body.get(i);
			JsonNode code = element.isObject() ? element.get("code") : null;
			String codeText = (code != null && code.isString()) ? UnitRequestValidator.stripToNull(code.asString())
					: null;
			if (element.isNull()) {
				rows.add(new ImportRow(i, null, null,
						List.of(new FieldError(FieldError.BODY, "Phần tử phải là một đơn vị, không được là null."))));
				continue;
			}
			try {
				rows.add(new ImportRow(i, codeText, json.treeToValue(element, UnitRequest.class), List.of()));
			}
			catch (JacksonException | IllegalArgumentException ex) {
				rows.add(new ImportRow(i, codeText, null, List.of(error(ex))));
			}
		}
		return rows;
	}

	private static FieldError error(Exception ex) {
		if (!(ex instanceof JacksonException jackson)) {
			return new FieldError(FieldError.BODY, "Phần tử không đọc được thành một đơn vị.");
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : jackson.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		String field = path.isEmpty() ? FieldError.BODY : path.toString();
		if (jackson instanceof InputCoercionException) {
			return new FieldError(field, "Số nằm ngoài phạm vi cho phép.");
		}
		if (jackson instanceof MismatchedInputException mismatch) {
			return new FieldError(field, expected(mismatch.getTargetType()));
		}
		return new FieldError(field, "Giá trị không đọc được.");
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "Giá trị sai kiểu.";
		}
		if (type.isEnum()) {
			return "Giá trị không hợp lệ; chỉ nhận một trong: "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
					+ ".";
		}
		if (type == String.class) {
			return "Phải là một chuỗi ký tự.";
		}
		if (type == Integer.class || type == int.class) {
			return "Phải là một số nguyên (không có phần thập phân, không đặt trong dấu nháy).";
		}
		if (type == LocalDate.class) {
			return "Phải là một ngày có thật dạng \"YYYY-MM-DD\".";
		}
		if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
			return "Phải là một đối tượng JSON.";
		}
		if (java.util.Collection.class.isAssignableFrom(type)) {
			return "Phải là một mảng JSON.";
		}
		return "Giá trị sai kiểu.";
	}

}
