package vn.gov.cchc.plan.ingest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.JsonReadErrors;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.stereotype.Component;

/**
 * Binds one report of a batch or of an inbox record with the mapper of the HTTP API, so
 * that exactly the same values are refused as in {@code POST /api/v1/progress}: a number
 * in quotes, a fraction, an object where text belongs.
 */
@Component
class ProgressRequestReader {

	private final JsonMapper json;

	ProgressRequestReader(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @throws ProblemException 400 naming the value of the wrong type by its path inside
	 * the report
	 */
	ProgressRequest read(JsonNode report) {
		if (!report.isObject()) {
			throw new ProblemException(Problems
				.unreadable(new FieldError(FieldError.BODY, "Mỗi báo cáo tiến độ phải là một đối tượng JSON.")));
		}
		try {
			return this.json.treeToValue(report, ProgressRequest.class);
		}
		catch (JacksonException ex) {
			throw new ProblemException(Problems.unreadable(JsonReadErrors.of(ex)));
		}
	}

	JsonMapper mapper() {
		return this.json;
	}

}
