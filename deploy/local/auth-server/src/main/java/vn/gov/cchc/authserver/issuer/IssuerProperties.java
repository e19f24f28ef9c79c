package vn.gov.cchc.authserver.issuer;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local issuer.
 *
 * @param issuer the {@code iss} of every token and the base of the discovery document;
 * the services are configured with the same value
 * @param demoUnits where the demo units are (a Spring resource location, or a plain file
 * path): one machine client per commune in it
 * @param accessTokenTtl how long an access token is valid, for people and machines alike
 * @param refreshTokenTtl how long the gateway may refresh a person's tokens without a new
 * login: a working day
 * @param dashboard the gateway's client
 */
@ConfigurationProperties("cchc.auth")
public record IssuerProperties(@DefaultValue("http://localhost:9000") String issuer,
		@DefaultValue("classpath:demo/units.json") String demoUnits, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("8h") Duration refreshTokenTtl, @DefaultValue Dashboard dashboard) {

	/**
	 * The dashboard client: the gateway, signing people in as a confidential client.
	 *
	 * @param clientSecret the gateway's secret
	 * @param redirectUris where the gateway takes the code
	 * ({@code /login/oauth2/code/cchc})
	 * @param postLogoutRedirectUris where a person may be sent after signing out
	 * @param url the dashboard, linked from the issuer's own page
	 */
	public record Dashboard(@DefaultValue("cchc-dashboard-secret") String clientSecret, @DefaultValue( {
			"http://localhost:8080/login/oauth2/code/cchc",
			"http://127.0.0.1:8080/login/oauth2/code/cchc" }) List<String> redirectUris,
			@DefaultValue({ "http://localhost:8080/", "http://127.0.0.1:8080/", "http://localhost:8080/dashboard/",
					"http://127.0.0.1:8080/dashboard/" }) List<String> postLogoutRedirectUris,
			@DefaultValue("http://localhost:8080/dashboard/") String url){

	}

}
