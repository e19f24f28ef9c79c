package vn.gov.cchc.report.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.http.HttpStatus;

/**
 * Reads request parameters by hand, so that a bad value is a 400 problem naming the
 * parameter in Vietnamese rather than a framework conversion message.
 */
public final class Requests {

	private static final Pattern UNIT_CODE = Pattern.compile("^[0-9A-Z][0-9A-Z.-]{0,31}$");

	private static final Pattern PLAN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

	private Requests() {
	}

	/** A unit code, or a 400 naming the field. */
	public static String unitCode(String field, @Nullable String value) {
		if (value == null || !UNIT_CODE.matcher(value).matches()) {
			throw invalid(field, "invalid-unit-code", "Mã đơn vị không hợp lệ",
					"Mã đơn vị chỉ gồm chữ số, chữ in hoa, dấu chấm và gạch nối, tối đa 32 ký tự.",
					"Mã đơn vị không đúng định dạng");
		}
		return value;
	}

	/** A plan id, or a 400 naming the field. */
	public static String planId(String field, @Nullable String value) {
		if (value == null || !PLAN_ID.matcher(value).matches()) {
			throw invalid(field, "invalid-plan-id", "Mã kế hoạch không hợp lệ",
					"Mã kế hoạch gồm chữ, số, dấu chấm, gạch dưới và gạch nối, tối đa 64 ký tự.",
					"Mã kế hoạch không đúng định dạng");
		}
		return value;
	}

	/** An ISO date ({@code yyyy-MM-dd}), or a 400 naming the field. */
	public static LocalDate date(String field, @Nullable String value) {
		try {
			if (value != null) {
				return LocalDate.parse(value);
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		throw invalid(field, "invalid-date", "Ngày không hợp lệ", "Ngày phải theo dạng yyyy-MM-dd, ví dụ 2022-06-14.",
				"Ngày không đúng dạng yyyy-MM-dd");
	}

	/** {@code from} not after {@code to}, or a 400 naming {@code to}. */
	public static void range(LocalDate from, LocalDate to) {
		if (from.isAfter(to) || from.plusYears(5).isBefore(to)) {
			throw invalid("to", "invalid-range", "Khoảng ngày không hợp lệ",
					"Ngày kết thúc phải không trước ngày bắt đầu và cách không quá 5 năm.",
					"Ngày kết thúc trước ngày bắt đầu hoặc quá xa");
		}
	}

	/** A 404 for an unknown resource, naming the field that named it. */
	public static ProblemException notFound(String field, String slug, String title, String detail) {
		return new ProblemException(Problems.of(HttpStatus.NOT_FOUND, slug, title, detail,
				List.of(new FieldError(field, "Không tìm thấy"))));
	}

	/** A 400 of the given kind, naming the field with the message. */
	public static ProblemException invalid(String field, String slug, String title, String detail, String message) {
		return new ProblemException(
				Problems.of(HttpStatus.BAD_REQUEST, slug, title, detail, List.of(new FieldError(field, message))));
	}

}
