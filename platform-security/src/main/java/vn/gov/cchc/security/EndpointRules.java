package vn.gov.cchc.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's rules of which roles may call which endpoints, applied before the catch-all
 * "authenticated". Unit-by-unit rules are checked by the endpoints themselves, with
 * {@link ReadScope} and {@link WriteScope}.
 */
@FunctionalInterface
public interface EndpointRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
