package vn.gov.cchc.authserver.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.authserver.IssuerClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in the way the gateway makes them: the authorization code flow through
 * the real login page, with a browser that keeps cookies, then the gateway's code
 * exchange at the token endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { IssuerClient.ISSUER_PROPERTY, IssuerClient.GATEWAY_PORT_PROPERTY })
class OfficerLoginIntegrationTests {

	private static final String CALLBACK = "http://localhost:8080/login/oauth2/code/cchc";

	private static final String ERROR = "Tên đăng nhập hoặc mật khẩu không đúng";

	@LocalServerPort
	private int port;

	private IssuerClient issuer;

	private final Browser browser = new Browser();

	private final String codeVerifier = Base64.getUrlEncoder()
		.withoutPadding()
		.encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.US_ASCII));

	@BeforeEach
	void connect() {
		this.issuer = new IssuerClient(this.port);
	}

	@Test
	void anOfficerSignsInOnTheVietnameseFormAndTheGatewayGetsTokensOfHerCommune() throws Exception {
		URI loginPage = Browser.redirect(this.browser.get(authorizeRequest("state-1")));
		assertThat(loginPage.getPath()).as(loginPage.toString()).isEqualTo("/login");
		HttpResponse<String> page = this.browser.get(loginPage);
		assertThat(page.statusCode()).isEqualTo(200);

		URI callback = Browser.redirect(this.browser.get(Browser.redirect(signIn(page, "vuninh.canbo", "cchc-demo"))));

		assertThat(callback.toString()).startsWith(CALLBACK + "?");
		Map<String, String> query = UriComponentsBuilder.fromUri(callback).build().getQueryParams().toSingleValueMap();
		assertThat(query).containsEntry("state", "state-1").containsKey("code");
		HttpResponse<String> exchanged = exchange(query.get("code"));
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		JsonNode tokens = IssuerClient.json(exchanged);
		Jwt access = this.issuer.verify(tokens.path("access_token").asString());
		assertThat(access.getSubject()).isEqualTo("vuninh.canbo");
		assertThat(access.getClaimAsString("unit")).isEqualTo("09190");
		assertThat(access.getClaimAsStringList("roles")).containsExactly("officer");
		assertThat(access.getClaimAsString("name")).isEqualTo("Nguyễn Thị Hà");
		assertThat(access.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
		Jwt id = this.issuer.verify(tokens.path("id_token").asString());
		assertThat(id.getSubject()).isEqualTo("vuninh.canbo");
		assertThat(id.getClaimAsString("unit")).isEqualTo("09190");
		assertThat(id.getClaimAsString("name")).isEqualTo("Nguyễn Thị Hà");
		assertThat(id.getClaimAsString("nonce")).isEqualTo("nonce-state-1");
		assertThat(tokens.path("refresh_token").asString()).isNotBlank();
		HttpResponse<String> home = this.browser.get(this.issuer.base().resolve("/"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Nguyễn Thị Hà")
			.contains("09190")
			.contains("http://localhost:8080/dashboard/");
	}

	@Test
	void aCodeRequestWithoutPkceIsRefused() throws Exception {
		URI withoutPkce = this.issuer.base()
			.resolve("/oauth2/authorize?response_type=code&client_id=cchc-dashboard&scope=openid&state=s-0"
					+ "&redirect_uri=" + IssuerClient.encode(CALLBACK));
		HttpResponse<String> page = this.browser.get(Browser.redirect(this.browser.get(authorizeRequest("state-0"))));
		this.browser.get(Browser.redirect(signIn(page, "quantri", "cchc-demo")));

		URI callback = Browser.redirect(this.browser.get(withoutPkce));

		Map<String, String> query = UriComponentsBuilder.fromUri(callback).build().getQueryParams().toSingleValueMap();
		assertThat(query).containsEntry("error", "invalid_request")
			.containsEntry("state", "s-0")
			.doesNotContainKey("code");
	}

	@Test
	void theGatewayRefreshesAReviewersTokensWithTheSameClaims() throws Exception {
		HttpResponse<String> page = this.browser.get(Browser.redirect(this.browser.get(authorizeRequest("state-2"))));
		URI callback = Browser.redirect(this.browser.get(Browser.redirect(signIn(page, "snv.thamdinh", "cchc-demo"))));
		String code = UriComponentsBuilder.fromUri(callback).build().getQueryParams().getFirst("code");
		JsonNode tokens = IssuerClient.json(exchange(code));

		HttpResponse<String> refreshed = this.issuer.token("cchc-dashboard", "cchc-dashboard-secret",
				Map.of("grant_type", "refresh_token", "refresh_token", tokens.path("refresh_token").asString()));

		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		Jwt access = this.issuer.verify(IssuerClient.json(refreshed).path("access_token").asString());
		assertThat(access.getSubject()).isEqualTo("snv.thamdinh");
		assertThat(access.getClaimAsString("unit")).isEqualTo("27-SNV");
		assertThat(access.getClaimAsStringList("roles")).containsExactly("reviewer");
		assertThat(access.getClaimAsString("name")).isEqualTo("Trần Thị Mai");
	}

	@Test
	void aWrongPasswordShowsTheVietnameseErrorAndNoCode() throws Exception {
		HttpResponse<String> page = this.browser.get(Browser.redirect(this.browser.get(authorizeRequest("state-3"))));
		assertThat(page.body()).doesNotContain(ERROR);

		URI back = Browser.redirect(signIn(page, "vuninh.canbo", "sai-mat-khau"));

		assertThat(back.getPath()).isEqualTo("/login");
		assertThat(back.getQuery()).isEqualTo("error");
		HttpResponse<String> again = this.browser.get(back);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains(ERROR).contains("name=\"username\"").contains("name=\"password\"");
	}

	@Test
	void theLoginPageIsInVietnameseAndNeedsNothingFromOutside() throws Exception {
		HttpResponse<String> page = this.browser.get(this.issuer.base().resolve("/login"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
		assertThat(page.body()).contains("<html lang=\"vi\"")
			.contains("<title>Đăng nhập – Hệ thống báo cáo CCHC</title>")
			.contains(">Tên đăng nhập</label>")
			.contains(">Mật khẩu</label>")
			.contains("<button type=\"submit\">Đăng nhập</button>")
			.contains("name=\"username\"")
			.contains("name=\"password\"")
			.doesNotContain("<script")
			.doesNotContain("<link")
			.doesNotContain("src=")
			.doesNotContain(ERROR);
		assertThat(Browser.csrfToken(page.body())).isNotBlank();
	}

	/**
	 * The request the gateway sends the browser with: PKCE (S256) as Spring Security 7's
	 * client does by default, and as the issuer requires.
	 */
	private URI authorizeRequest(String state) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest(this.codeVerifier.getBytes(StandardCharsets.US_ASCII));
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		return this.issuer.base()
			.resolve("/oauth2/authorize?response_type=code&client_id=cchc-dashboard&scope="
					+ IssuerClient.encode("openid profile") + "&state=" + state + "&nonce=nonce-" + state
					+ "&redirect_uri=" + IssuerClient.encode(CALLBACK) + "&code_challenge=" + challenge
					+ "&code_challenge_method=S256");
	}

	/** The gateway's code exchange, with the PKCE verifier. */
	private HttpResponse<String> exchange(String code) throws Exception {
		return this.issuer.token("cchc-dashboard", "cchc-dashboard-secret", Map.of("grant_type", "authorization_code",
				"code", code, "redirect_uri", CALLBACK, "code_verifier", this.codeVerifier));
	}

	private HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password)
			throws Exception {
		return this.browser.submit(this.issuer.base().resolve("/login"),
				Map.of("username", username, "password", password, "_csrf", Browser.csrfToken(loginPage.body())));
	}

}
