package vn.gov.cchc.report.submission;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.web.FieldError;

/**
 * Reads the JSON bodies of the submission endpoints by hand, so that every bad field is
 * named in a 400 problem and nothing is stored.
 */
final class SubmissionBodies {

	/** The longest narrative section, in characters (code points). */
	static final int MAX_SECTION = 20_000;

	/** The longest return comment. */
	static final int MAX_COMMENT = 2_000;

	private SubmissionBodies() {
	}

	/** A narrative and the revision it was edited from. */
	record NarrativeEdit(Narrative narrative, long revision) {

	}

	static NarrativeEdit narrative(@Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			throw SubmissionProblems.invalid("body", "Nội dung phải là một đối tượng JSON");
		}
		List<FieldError> errors = new ArrayList<>();
		String results = section(body, "results", errors);
		String shortcomings = section(body, "shortcomings", errors);
		String direction = section(body, "direction", errors);
		String proposals = section(body, "proposals", errors);
		JsonNode revision = body.get("revision");
		long revisionValue = -1;
		if (revision == null || revision.isNull()) {
			errors.add(new FieldError("revision", "Thiếu số phiên bản (revision) của báo cáo đang sửa"));
		}
		else if (!revision.isIntegralNumber() || !revision.canConvertToLong() || revision.asLong() < 0) {
			errors.add(new FieldError("revision", "Phải là số nguyên không âm"));
		}
		else {
			revisionValue = revision.asLong();
		}
		if (!errors.isEmpty()) {
			throw SubmissionProblems.invalidFields(errors);
		}
		return new NarrativeEdit(new Narrative(results, shortcomings, direction, proposals), revisionValue);
	}

	static String comment(@Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			throw SubmissionProblems.invalid("comment", "Phải ghi lý do trả lại");
		}
		List<FieldError> errors = new ArrayList<>();
		String comment = text(body, "comment", MAX_COMMENT, errors);
		if (errors.isEmpty() && comment.isBlank()) {
			errors.add(new FieldError("comment", "Phải ghi lý do trả lại"));
		}
		if (!errors.isEmpty()) {
			throw SubmissionProblems.invalidFields(errors);
		}
		return comment.strip();
	}

	private static String section(JsonNode body, String field, List<FieldError> errors) {
		return text(body, field, MAX_SECTION, errors);
	}

	private static String text(JsonNode body, String field, int max, List<FieldError> errors) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return "";
		}
		if (!node.isString()) {
			errors.add(new FieldError(field, "Phải là chuỗi ký tự"));
			return "";
		}
		String text = node.asString();
		if (text.codePointCount(0, text.length()) > max) {
			errors.add(new FieldError(field, "Dài quá " + max + " ký tự"));
			return "";
		}
		if (hasControlCharacters(text)) {
			errors.add(new FieldError(field, "Có ký tự điều khiển (chỉ cho phép xuống dòng và tab)"));
			return "";
		}
		return text;
	}

	/** Whether the text holds a control character other than a line break or a tab. */
	static boolean hasControlCharacters(String text) {
		return text.codePoints()
			.anyMatch((c) -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t');
	}

}
