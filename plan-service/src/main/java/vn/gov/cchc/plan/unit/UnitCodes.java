package vn.gov.cchc.plan.unit;

import java.util.regex.Pattern;

/**
 * The shape of an official unit code: upper-case letters, digits, dots and dashes,
 * starting with a letter or digit, at most 32 characters.
 */
public final class UnitCodes {

	private static final Pattern PATTERN = Pattern.compile("^[0-9A-Z][0-9A-Z.-]{0,31}$");

	/** Message for a code that does not have the shape. */
	public static final String MALFORMED = "Mã đơn vị gồm 1–32 ký tự: chữ in hoa, chữ số, dấu chấm hoặc gạch ngang, "
			+ "bắt đầu bằng chữ in hoa hoặc chữ số.";

	private UnitCodes() {
	}

	public static boolean isWellFormed(String code) {
		return PATTERN.matcher(code).matches();
	}

}
