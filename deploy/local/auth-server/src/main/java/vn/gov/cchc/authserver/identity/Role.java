package vn.gov.cchc.authserver.identity;

import java.util.Locale;

/**
 * The roles of the security contract, written in tokens in lower case.
 */
public enum Role {

	/** Keeps its unit's plan and reports; reads its unit and the units below it. */
	OFFICER,

	/** A commune's own system pushing progress; reads nothing. */
	MACHINE,

	/** Sở Nội vụ: reads the whole province, approves or returns submissions. */
	REVIEWER,

	/** Administers the units and plans of its province. */
	ADMIN;

	/** The value in the {@code roles} claim. */
	public String claim() {
		return name().toLowerCase(Locale.ROOT);
	}

}
