package vn.gov.cchc.report.security;

import vn.gov.cchc.security.EndpointRules;
import vn.gov.cchc.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The roles each endpoint takes, checked by the security filters before any endpoint
 * runs. Which units a caller may read or act for is checked by the endpoints themselves:
 * <ul>
 * <li>figures, totals, dashboard (and its stream), targets, indexes, reporting rates and
 * consolidated reports: an officer, reviewer or administrator whose reading scope holds
 * the unit asked about; periods: any of them;</li>
 * <li>submissions: read by the unit, the units above it and its receiver (officers) or by
 * the province (reviewers, administrators); the narrative and the submission by an
 * officer of the unit itself; approval and return by a reviewer of the receiving unit or
 * of a unit above it (administrators manage units and plans, they do not approve);</li>
 * <li>published index results: recorded by a reviewer of the province;</li>
 * <li>{@code /api/v1/admin/**}: an administrator of the province.</li>
 * </ul>
 * A machine client reads nothing here and writes nothing here: it only pushes progress,
 * to plan-service.
 */
@Configuration(proxyBeanMethods = false)
class ReportEndpointRules {

	private static final String OFFICER = Role.OFFICER.name();

	private static final String REVIEWER = Role.REVIEWER.name();

	private static final String ADMIN = Role.ADMIN.name();

	@Bean
	EndpointRules reportRules() {
		return (requests) -> requests.requestMatchers("/api/v1/admin/**")
			.hasRole(ADMIN)
			.requestMatchers(HttpMethod.PUT, "/api/v1/submissions/*/narrative")
			.hasRole(OFFICER)
			.requestMatchers(HttpMethod.POST, "/api/v1/submissions/*:submit")
			.hasRole(OFFICER)
			.requestMatchers(HttpMethod.POST, "/api/v1/submissions/*:approve", "/api/v1/submissions/*:return")
			.hasRole(REVIEWER)
			.requestMatchers(HttpMethod.PUT, "/api/v1/indexes/**")
			.hasRole(REVIEWER)
			.requestMatchers(HttpMethod.GET, "/api/v1/totals/**", "/api/v1/figures/**", "/api/v1/dashboard/**",
					"/api/v1/periods", "/api/v1/targets", "/api/v1/indexes/**", "/api/v1/reporting-rates",
					"/api/v1/submissions", "/api/v1/submissions/**", "/api/v1/reports/**")
			.hasAnyRole(OFFICER, REVIEWER, ADMIN);
	}

}
