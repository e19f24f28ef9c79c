package vn.gov.cchc.plan.unit;

import vn.gov.cchc.security.EndpointRules;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.web.BodyLimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Web settings of the unit tree: who may call it, and the import's body cap.
 */
@Configuration(proxyBeanMethods = false)
class UnitWebConfiguration {

	/** A whole country's units in one CSV is about 1.5 MB. */
	@Bean
	BodyLimit importBodyLimit(@Value("${cchc.units.import-max-body-bytes:16777216}") long maxBytes) {
		return new BodyLimit(UnitApi.IMPORT, maxBytes);
	}

	/**
	 * Officers, reviewers and administrators read the tree, each only the units its token
	 * may read (the controller decides unit by unit); a machine client reads nothing.
	 * Only administrators change the tree.
	 */
	@Bean
	EndpointRules unitEndpointRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, UnitApi.UNITS, UnitApi.UNITS + "/**")
			.hasAnyRole(Role.OFFICER.name(), Role.REVIEWER.name(), Role.ADMIN.name())
			.requestMatchers(UnitApi.UNITS, UnitApi.UNITS + "/**", UnitApi.IMPORT, UnitApi.MERGE, UnitApi.SPLIT)
			.hasRole(Role.ADMIN.name());
	}

}
