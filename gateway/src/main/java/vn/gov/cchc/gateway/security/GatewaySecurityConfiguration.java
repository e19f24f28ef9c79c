package vn.gov.cchc.gateway.security;

import java.util.List;

import reactor.core.publisher.Mono;
import vn.gov.cchc.gateway.problem.ProblemWriter;
import vn.gov.cchc.gateway.problem.Rejections;
import vn.gov.cchc.security.CallerAuthenticationConverter;
import vn.gov.cchc.security.PlatformSecurityProperties;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.security.SecurityProblems;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.Problems;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's security rules. A request to the API needs a valid bearer JWT or the
 * dashboard's login session; the role rules below are the coarse half of the access rules
 * (which roles may call what), the services check the units. Machine clients only push
 * progress; units and plans are written by administrators; submissions are written by
 * officers and approved or returned by reviewers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
class GatewaySecurityConfiguration {

	/** The login of the dashboard, through the issuer (the client registration's id). */
	static final String LOGIN_PATH = "/oauth2/authorization/cchc";

	private static final String[] OPEN_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs/**", "/asyncapi.json", "/schemas/**", "/favicon.ico", "/login/**", "/oauth2/**", "/error" };

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			CallerOidcUserService users, ProblemWriter problems, Rejections rejections) {
		String officer = Role.OFFICER.name();
		String machine = Role.MACHINE.name();
		String reviewer = Role.REVIEWER.name();
		String admin = Role.ADMIN.name();
		ServerAuthenticationEntryPoint unauthenticated = entryPoint(problems, rejections);
		ServerAccessDeniedHandler denied = (exchange, ex) -> {
			rejections.count("forbidden");
			return problems.write(exchange, SecurityProblems.FORBIDDEN,
					"Vai trò của tài khoản này không được thực hiện yêu cầu này qua cổng API.", List.of());
		};
		http.authorizeExchange((exchanges) -> exchanges.pathMatchers(OPEN_PATHS)
			.permitAll()
			.pathMatchers(HttpMethod.OPTIONS, "/api/**")
			.permitAll()
			.pathMatchers(HttpMethod.GET, "/", "/dashboard", "/dashboard/**")
			.authenticated()
			.pathMatchers(HttpMethod.GET, "/api/v1/me")
			.authenticated()
			.pathMatchers(HttpMethod.POST, "/api/v1/progress", "/api/v1/progress:batch", "/api/v1/progress/**")
			.hasAnyRole(officer, machine)
			.pathMatchers("/api/v1/admin/**")
			.hasRole(admin)
			.pathMatchers(HttpMethod.PUT, "/api/v1/units", "/api/v1/units/**", "/api/v1/plans/**")
			.hasRole(admin)
			.pathMatchers(HttpMethod.POST, "/api/v1/units*", "/api/v1/units/**", "/api/v1/plans/**")
			.hasRole(admin)
			.pathMatchers(HttpMethod.PUT, "/api/v1/submissions/**")
			.hasRole(officer)
			.pathMatchers(HttpMethod.POST, "/api/v1/submissions/**")
			.hasAnyRole(officer, reviewer)
			.pathMatchers("/api/**")
			.hasAnyRole(officer, reviewer, admin)
			.anyExchange()
			.authenticated())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtDecoder(decoder)
					.jwtAuthenticationConverter(
							new ReactiveJwtAuthenticationConverterAdapter(new CallerAuthenticationConverter())))
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied))
			.oauth2Login((login) -> {
			})
			.oauth2Client((client) -> {
			})
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(GatewaySecurityConfiguration::needsCsrfProtection))
			.cors((cors) -> {
			})
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	/**
	 * Bearer tokens of the issuer: signature against its keys (fetched on the first
	 * token), validity period and issuer.
	 */
	/**
	 * What the security firewall refuses (NUL, an encoded {@code /}, {@code %} or
	 * {@code .} in the path, a non-printable header) is a problem naming the path, not an
	 * empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemWriter problems, Rejections rejections) {
		return (exchange, ex) -> {
			rejections.count("firewall");
			return problems.write(exchange, Problems.MALFORMED_REQUEST,
					"Cổng API không nhận yêu cầu này: đường dẫn hoặc tiêu đề chứa ký tự không được phép "
							+ "(NUL, dấu /, % hay . được mã hoá, ký tự điều khiển).",
					List.of(new FieldError("path", "Đường dẫn chứa ký tự không được phép.")));
		};
	}

	@Bean
	ReactiveJwtDecoder gatewayJwtDecoder(PlatformSecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = (properties.publicKeyLocation() != null)
				? NimbusReactiveJwtDecoder.withPublicKey(properties.publicKey()).build()
				: NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
		return decoder;
	}

	@Bean
	CallerOidcUserService callerOidcUserService(ReactiveJwtDecoder decoder) {
		return new CallerOidcUserService(new OidcReactiveOAuth2UserService(), decoder);
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "OPTIONS"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "X-Correlation-Id"));
		cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, "X-Correlation-Id", "X-RateLimit-Limit",
				"X-RateLimit-Remaining", HttpHeaders.LOCATION));
		cors.setAllowCredentials(true);
		cors.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		return source;
	}

	/**
	 * Browsers asking for the dashboard are sent to the issuer's login page; everything
	 * else gets a 401 problem with the bearer challenge.
	 */
	private static ServerAuthenticationEntryPoint entryPoint(ProblemWriter problems, Rejections rejections) {
		ServerAuthenticationEntryPoint api = (exchange, ex) -> {
			rejections.count("unauthenticated");
			boolean offered = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE, offered
						? "Bearer error=\"invalid_token\", error_description=\"Invalid or expired token\"" : "Bearer");
			String why = offered ? "Mã truy cập không hợp lệ hoặc đã hết hạn."
					: "Yêu cầu chưa kèm mã truy cập (Bearer token).";
			return problems.write(exchange, SecurityProblems.UNAUTHENTICATED,
					why + " Hãy lấy mã truy cập từ máy chủ cấp quyền rồi gửi lại.",
					List.of(new FieldError("Authorization", why)));
		};
		ServerWebExchangeMatcher pages = new PathPatternParserServerWebExchangeMatcher("/dashboard/**", HttpMethod.GET);
		ServerWebExchangeMatcher root = new PathPatternParserServerWebExchangeMatcher("/", HttpMethod.GET);
		ServerWebExchangeMatcher browser = (exchange) -> pages.matches(exchange)
			.flatMap((match) -> match.isMatch() ? Mono.just(match) : root.matches(exchange))
			.flatMap((match) -> match.isMatch()
					&& exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null
							? MatchResult.match() : MatchResult.notMatch());
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				new DelegateEntry(browser, new RedirectServerAuthenticationEntryPoint(LOGIN_PATH)));
		entryPoint.setDefaultEntryPoint(api);
		return entryPoint;
	}

	/**
	 * The login session's cookie could be sent by another site's form, so its writes need
	 * the CSRF token; a bearer token cannot, so bearer requests need none.
	 */
	private static Mono<MatchResult> needsCsrfProtection(ServerWebExchange exchange) {
		if (exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null) {
			return MatchResult.notMatch();
		}
		return CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange);
	}

}
