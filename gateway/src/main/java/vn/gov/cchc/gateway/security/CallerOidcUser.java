package vn.gov.cchc.gateway.security;

import java.util.Collection;

import vn.gov.cchc.security.Caller;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A logged-in dashboard user and the caller their access token describes.
 */
class CallerOidcUser extends DefaultOidcUser {

	private final Caller caller;

	CallerOidcUser(Caller caller, Collection<? extends GrantedAuthority> authorities, OidcUser user) {
		super(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
		this.caller = caller;
	}

	Caller caller() {
		return this.caller;
	}

}
