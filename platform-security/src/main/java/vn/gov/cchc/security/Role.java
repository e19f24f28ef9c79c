package vn.gov.cchc.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a token lets its holder do, from the issuer's {@code roles} claim.
 */
public enum Role {

	/**
	 * An officer of a unit: records its progress, writes and submits its reports, reads
	 * its subtree.
	 */
	OFFICER,

	/**
	 * A unit's own system (client credentials): pushes the unit's progress, reads
	 * nothing.
	 */
	MACHINE,

	/**
	 * Sở Nội vụ: reads the whole province, approves and returns the reports it receives.
	 */
	REVIEWER,

	/** Manages the units and plans of the province and reads all of it. */
	ADMIN;

	/** The value in the token's {@code roles} claim. */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The Spring Security authority, {@code ROLE_OFFICER} and so on. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** The role a claim value names, if any; unknown values are ignored, not errors. */
	public static Optional<Role> fromClaim(String value) {
		for (Role role : values()) {
			if (role.claimValue().equalsIgnoreCase(value.trim())) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
