package vn.gov.cchc.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A caller asked about, or wrote for, a unit outside what its token allows: 403 with the
 * field that named the unit.
 */
public class ScopeDeniedException extends AccessDeniedException {

	private final String field;

	private final String detail;

	public ScopeDeniedException(String field, String detail) {
		super(detail);
		this.field = field;
		this.detail = detail;
	}

	/** The caller may not read the unit. */
	public static ScopeDeniedException read(String field, Caller caller, String unitCode) {
		return new ScopeDeniedException(field,
				"Tài khoản của đơn vị " + caller.unitCode() + " không được xem số liệu của đơn vị " + unitCode + ".");
	}

	/** The caller may not write for the unit: only for the unit it acts for. */
	public static ScopeDeniedException write(String field, Caller caller, String unitCode) {
		return new ScopeDeniedException(field, "Tài khoản của đơn vị " + caller.unitCode()
				+ " chỉ được gửi số liệu của chính đơn vị mình, không được gửi cho đơn vị " + unitCode + ".");
	}

	/**
	 * The request field naming the unit, e.g. {@code unitCode} or {@code [3].unitCode}.
	 */
	public String field() {
		return this.field;
	}

	/** What is wrong, in Vietnamese. */
	public String detail() {
		return this.detail;
	}

}
