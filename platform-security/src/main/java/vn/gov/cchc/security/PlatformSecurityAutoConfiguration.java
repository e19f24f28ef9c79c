package vn.gov.cchc.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service an OAuth2 resource server of the platform's issuer: every
 * request but health, metrics and the API documents needs a valid JWT; each service adds
 * its {@link EndpointRules}; 401 and 403 are RFC 9457 problems. The issuer comes from
 * {@code spring.security.oauth2.resourceserver.jwt.*} as usual.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

	/** Paths anyone may call: probes, metrics, the API documents and the error page. */
	static final String[] OPEN_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, ObjectProvider<EndpointRules> rules)
			throws Exception {
		ProblemResponseWriter problems = new ProblemResponseWriter();
		List<EndpointRules> ordered = rules.orderedStream().toList();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> {
				requests.requestMatchers(OPEN_PATHS).permitAll();
				ordered.forEach((rule) -> rule.apply(requests));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter()))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Checks the signature against the issuer's keys, the validity period and that the
	 * token names the trusted issuer; the keys are fetched on the first token, so a
	 * service starts while the issuer is still starting.
	 */
	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder platformJwtDecoder(PlatformSecurityProperties properties) {
		NimbusJwtDecoder decoder = (properties.publicKeyLocation() != null)
				? NimbusJwtDecoder.withPublicKey(properties.publicKey()).build()
				: NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
		return decoder;
	}

	@Bean
	SecurityProblemAdvice securityProblemAdvice() {
		return new SecurityProblemAdvice();
	}

	/**
	 * Where a service publishes API documents, they say that every endpoint needs a
	 * token.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
	static class SecurityDocsConfiguration {

		@Bean
		SecurityApiDocs securityApiDocs() {
			return new SecurityApiDocs();
		}

	}

	@Bean
	WebMvcConfigurer callerArgumentConfigurer() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}

		};
	}

}
