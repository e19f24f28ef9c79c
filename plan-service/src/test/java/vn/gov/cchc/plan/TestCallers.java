package vn.gov.cchc.plan;

import vn.gov.cchc.testing.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who the tests call the service as. Tests name their units after the province they are
 * in ({@code UT1.BS.03} and {@code 91-D-C} are in {@code UT1} and {@code 91}), so a test
 * unit's administrator is known from its code.
 */
public final class TestCallers {

	private TestCallers() {
	}

	/** Sends the token as the request's bearer token. */
	public static RequestPostProcessor bearer(String token) {
		return (request) -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
			return request;
		};
	}

	/**
	 * The administrator who changes units and plans in the tests: writing them takes the
	 * role only (the administrator of Bắc Ninh loads every province's demo units too).
	 */
	public static String administrator() {
		return TestTokens.admin("27");
	}

	/**
	 * The administrator of the province a test unit is in: it writes units and plans and
	 * reads that whole province.
	 */
	public static String adminOf(String unitCode) {
		return TestTokens.admin(provinceOf(unitCode));
	}

	/** The province of a test unit: its code up to the first {@code .} or {@code -}. */
	public static String provinceOf(String unitCode) {
		for (int i = 0; i < unitCode.length(); i++) {
			if (unitCode.charAt(i) == '.' || unitCode.charAt(i) == '-') {
				return unitCode.substring(0, i);
			}
		}
		return unitCode;
	}

}
