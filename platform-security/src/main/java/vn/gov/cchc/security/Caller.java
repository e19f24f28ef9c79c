package vn.gov.cchc.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person or system behind a request, as the issuer's token says.
 *
 * @param user the login: {@code preferred_username} where the issuer sets it apart from
 * {@code sub} (Keycloak), else {@code sub} (the local issuer: a user name, or a machine
 * client's id)
 * @param name the display name for audit trails ({@code name}, else the login)
 * @param unitCode the unit they act for ({@code unit})
 * @param roles what they may do ({@code roles})
 */
public record Caller(String user, String name, String unitCode, Set<Role> roles) {

	/** The claim naming the unit the token acts for. */
	public static final String UNIT_CLAIM = "unit";

	/** The claim listing the token's roles. */
	public static final String ROLES_CLAIM = "roles";

	/** The claim with the display name. */
	public static final String NAME_CLAIM = "name";

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/**
	 * The caller a validated token describes.
	 * @throws InvalidCallerTokenException when the token names no unit
	 */
	public static Caller of(Jwt jwt) {
		String unit = jwt.getClaimAsString(UNIT_CLAIM);
		if (unit == null || unit.isBlank()) {
			throw new InvalidCallerTokenException("The token names no unit (claim '" + UNIT_CLAIM + "')");
		}
		String name = jwt.getClaimAsString(NAME_CLAIM);
		String login = jwt.getClaimAsString("preferred_username");
		String user = (login != null && !login.isBlank()) ? login : jwt.getSubject();
		return new Caller(user, (name != null && !name.isBlank()) ? name : user, unit.trim(), roles(jwt));
	}

	/**
	 * The roles a token's {@code roles} claim names (a list, or one space-separated
	 * string).
	 */
	public static Set<Role> roles(Jwt jwt) {
		Object claim = jwt.getClaims().get(ROLES_CLAIM);
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		if (claim instanceof Collection<?> values) {
			values.forEach((value) -> Role.fromClaim(String.valueOf(value)).ifPresent(roles::add));
		}
		else if (claim instanceof String value) {
			for (String each : value.split("[\\s,]+")) {
				Role.fromClaim(each).ifPresent(roles::add);
			}
		}
		return roles;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** Whether the caller holds any of the roles. */
	public boolean hasAny(Role... wanted) {
		for (Role role : wanted) {
			if (has(role)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the caller reads a whole province rather than its own subtree. */
	public boolean readsProvince() {
		return hasAny(Role.REVIEWER, Role.ADMIN);
	}

}
