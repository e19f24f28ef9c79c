package vn.gov.cchc.report;

import java.util.List;

import vn.gov.cchc.testing.TestTokens;

/**
 * Someone calling the running service in a test: a login, a display name, the unit acted
 * for and the roles, signed into a fresh access token for each request (a token lives 15
 * minutes, a test class may run longer).
 *
 * @param user the token's {@code sub}
 * @param name the token's {@code name}, what audit trails show
 * @param unit the token's {@code unit}
 * @param roles the token's {@code roles}
 */
public record TestCaller(String user, String name, String unit, List<String> roles) {

	public TestCaller {
		roles = List.copyOf(roles);
	}

	public static TestCaller of(String user, String name, String unit, String... roles) {
		return new TestCaller(user, name, unit, List.of(roles));
	}

	/** An officer of the unit. */
	public static TestCaller officer(String unit) {
		return of("officer-" + unit, "officer-" + unit, unit, "officer");
	}

	/** The unit's own system (client credentials). */
	public static TestCaller machine(String unit) {
		return of("commune-" + unit, "commune-" + unit, unit, "machine");
	}

	/** A reviewer acting for the unit. */
	public static TestCaller reviewer(String unit) {
		return of("reviewer-" + unit, "reviewer-" + unit, unit, "reviewer");
	}

	/** An administrator of the unit. */
	public static TestCaller admin(String unit) {
		return of("admin-" + unit, "admin-" + unit, unit, "admin");
	}

	/** A fresh token. */
	public String token() {
		return TestTokens.builder(this.user, this.unit, this.roles.toArray(String[]::new)).name(this.name).sign();
	}

	/** The value of an {@code Authorization} header with a fresh token. */
	public String authorization() {
		return TestTokens.bearer(token());
	}

}
