package vn.gov.cchc.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * A token that is signed and in date but lacks what the platform needs of it (a unit), so
 * it is treated as no valid token: 401.
 */
public class InvalidCallerTokenException extends OAuth2AuthenticationException {

	public InvalidCallerTokenException(String description) {
		super(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null), description);
	}

}
