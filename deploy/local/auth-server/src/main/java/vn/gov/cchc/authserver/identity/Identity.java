package vn.gov.cchc.authserver.identity;

import java.util.List;

/**
 * A principal the issuer knows: a person signing in with a login, or a machine client.
 *
 * @param login the user's login, or the client id of a machine client; the token's
 * {@code sub}
 * @param name the Vietnamese display name that audit trails show
 * @param unit the code of the unit the principal acts for
 * @param roles what the principal may do
 */
public record Identity(String login, String name, String unit, List<Role> roles) {

	public Identity {
		roles = List.copyOf(roles);
	}

	/** The {@code roles} claim: the role names in lower case, in order. */
	public List<String> roleClaims() {
		return this.roles.stream().map(Role::claim).toList();
	}

}
