package vn.gov.cchc.authserver.issuer;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import vn.gov.cchc.authserver.identity.DemoDirectory;
import vn.gov.cchc.authserver.identity.Identity;

/**
 * The issuer: the protocol endpoints (authorize, token, JWKS, discovery, OIDC user info
 * and logout), the login page's chain, the registered clients and the signing key.
 */
@Configuration(proxyBeanMethods = false)
class IssuerConfiguration {

	/** The gateway's client id, the same in Keycloak's realm. */
	static final String DASHBOARD_CLIENT_ID = "cchc-dashboard";

	/**
	 * The OAuth 2.1 and OpenID Connect endpoints. A browser that is not signed in is sent
	 * to the login page; a bearer token is enough for the user info endpoint.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		return http.build();
	}

	/** The login page, the issuer's own start page and the operational endpoints. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			// The favicon must not become the page a browser returns to after login.
			.requestMatchers("/login", "/error", "/favicon.ico", "/actuator/health/**", "/actuator/info",
					"/actuator/prometheus")
			.permitAll()
			.anyRequest()
			.authenticated()).formLogin((form) -> form.loginPage("/login"));
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	@Bean
	DemoDirectory demoDirectory(IssuerProperties properties, ResourceLoader resources) {
		String location = properties.demoUnits();
		Resource units = location.contains(":") ? resources.getResource(location) : new FileSystemResource(location);
		return DemoDirectory.withMachineClientsFor(units);
	}

	/**
	 * The demo secrets are published in the contract and the docs; a higher cost than the
	 * minimum would only add seconds to start-up, one hash per commune.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(4);
	}

	@Bean
	UserDetailsService people(DemoDirectory directory, PasswordEncoder passwordEncoder) {
		String password = passwordEncoder.encode(DemoDirectory.PASSWORD);
		List<UserDetails> people = directory.people()
			.stream()
			.map((person) -> User.withUsername(person.login())
				.password(password)
				.roles(person.roles().stream().map(Enum::name).toArray(String[]::new))
				.build())
			.toList();
		return new InMemoryUserDetailsManager(people);
	}

	@Bean
	RegisteredClientRepository registeredClients(DemoDirectory directory, IssuerProperties properties,
			PasswordEncoder passwordEncoder) {
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(dashboardClient(properties, passwordEncoder));
		for (Identity machine : directory.serviceClients()) {
			clients.add(machineClient(machine, properties, passwordEncoder));
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static RegisteredClient dashboardClient(IssuerProperties properties, PasswordEncoder passwordEncoder) {
		IssuerProperties.Dashboard dashboard = properties.dashboard();
		return RegisteredClient.withId(DASHBOARD_CLIENT_ID)
			.clientId(DASHBOARD_CLIENT_ID)
			.clientName("Bảng điều khiển CCHC")
			.clientSecret(passwordEncoder.encode(dashboard.clientSecret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(dashboard.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(dashboard.postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder()
				// OAuth 2.1: the gateway (Spring Security 7) sends PKCE with every code
				// request.
				.requireProofKey(true)
				.requireAuthorizationConsent(false)
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(properties.accessTokenTtl())
				.refreshTokenTimeToLive(properties.refreshTokenTtl())
				.build())
			.build();
	}

	private static RegisteredClient machineClient(Identity machine, IssuerProperties properties,
			PasswordEncoder passwordEncoder) {
		return RegisteredClient.withId(machine.login())
			.clientId(machine.login())
			.clientName(machine.name())
			.clientSecret(passwordEncoder.encode(DemoDirectory.machineClientSecret(machine.login())))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build())
			.build();
	}

	/**
	 * A key pair made at start-up: tokens signed before a restart no longer verify, and
	 * the services fetch the new key from the JWKS when they meet its key id.
	 */
	@Bean
	JWKSource<SecurityContext> jwkSource() {
		KeyPair pair = rsaKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
	}

	private static KeyPair rsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JVM cannot make RSA keys", ex);
		}
	}

}
