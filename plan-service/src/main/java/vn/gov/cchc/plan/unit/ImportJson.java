package vn.gov.cchc.plan.unit;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.JsonReadErrors;
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
		return (ex instanceof JacksonException jackson) ? JsonReadErrors.of(jackson)
				: new FieldError(FieldError.BODY, "Phần tử không đọc được thành một đơn vị.");
	}

}
