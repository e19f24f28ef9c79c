package vn.gov.cchc.plan.unit;

import vn.gov.cchc.plan.validation.UnitCode;
import vn.gov.cchc.plan.validation.Violations;

/**
 * The shape of an official unit code: upper-case letters, digits, dots and dashes,
 * starting with a letter or digit, at most 32 characters; {@link UnitCode} on a request
 * field, these where codes are read by hand.
 */
public final class UnitCodes {

	/** Message for a code that does not have the shape. */
	public static final String MALFORMED = Violations.message("cchc.unitCode");

	private UnitCodes() {
	}

	public static boolean isWellFormed(String code) {
		return UnitCode.PATTERN.matcher(code).matches();
	}

}
