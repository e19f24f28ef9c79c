package vn.gov.cchc.plan.plan;

import vn.gov.cchc.security.EndpointRules;
import vn.gov.cchc.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the plan API.
 */
@Configuration(proxyBeanMethods = false)
class PlanWebConfiguration {

	/**
	 * Officers, reviewers and administrators read plans, each only those its token may
	 * read (see {@link PlanReadPermission}); a machine client reads nothing. Only
	 * administrators draft, issue, amend, close and derive plans.
	 */
	@Bean
	EndpointRules planEndpointRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, PlanController.PATH, PlanController.PATH + "/**")
			.hasAnyRole(Role.OFFICER.name(), Role.REVIEWER.name(), Role.ADMIN.name())
			.requestMatchers(PlanController.PATH, PlanController.PATH + "/**")
			.hasRole(Role.ADMIN.name());
	}

}
