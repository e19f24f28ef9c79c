package vn.gov.cchc.authserver.issuer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.authserver.IssuerClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commune's one-stop system asks the running issuer for a token over HTTP and a service
 * verifies it against the issuer's JWKS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { IssuerClient.ISSUER_PROPERTY, IssuerClient.GATEWAY_PORT_PROPERTY })
class MachineTokenIntegrationTests {

	private static final Map<String, String> CLIENT_CREDENTIALS = Map.of("grant_type", "client_credentials");

	@LocalServerPort
	private int port;

	private IssuerClient issuer;

	@BeforeEach
	void connect() {
		this.issuer = new IssuerClient(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "09190, Hệ thống một cửa Phường Vũ Ninh", "33001, Hệ thống một cửa Phường Vũ Ninh",
			"21112, Hệ thống một cửa Xã Bình Châu" })
	void aCommuneSystemGetsATokenForItsCommuneWithTheMachineRole(String commune, String name) throws Exception {
		String clientId = "commune-" + commune;
		Instant before = Instant.now().minusSeconds(1);

		HttpResponse<String> response = this.issuer.token(clientId, clientId + "-secret", CLIENT_CREDENTIALS);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = IssuerClient.json(response);
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.path("expires_in").asLong()).isBetween(899L, 900L);
		Jwt token = this.issuer.verify(body.path("access_token").asString());
		assertThat(token.getHeaders()).containsEntry("alg", "RS256");
		assertThat(token.getSubject()).isEqualTo(clientId);
		assertThat(token.getClaimAsString("unit")).isEqualTo(commune);
		assertThat(token.getClaimAsStringList("roles")).containsExactly("machine");
		assertThat(token.getClaimAsString("name")).isEqualTo(name);
		assertThat(token.getIssuer()).hasToString(IssuerClient.ISSUER);
		assertThat(token.getIssuedAt()).isAfter(before);
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void theProvisioningSystemGetsAnAdministratorsTokenOfTheProvince() throws Exception {
		HttpResponse<String> response = this.issuer.token("cchc-provisioning", "cchc-provisioning-secret",
				CLIENT_CREDENTIALS);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Jwt token = this.issuer.verify(IssuerClient.json(response).path("access_token").asString());
		assertThat(token.getSubject()).isEqualTo("cchc-provisioning");
		assertThat(token.getClaimAsString("unit")).isEqualTo("27");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("admin");
	}

	@Test
	void theSecretMayAlsoComeInTheFormBody() throws Exception {
		HttpResponse<String> posted = this.issuer.post("/oauth2/token", Map.of("grant_type", "client_credentials",
				"client_id", "commune-09190", "client_secret", "commune-09190-secret"));

		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		Jwt token = this.issuer.verify(IssuerClient.json(posted).path("access_token").asString());
		assertThat(token.getClaimAsString("unit")).isEqualTo("09190");
	}

	@Test
	void aWrongSecretIsRefusedWith401() throws Exception {
		HttpResponse<String> response = this.issuer.token("commune-09190", "commune-09193-secret", CLIENT_CREDENTIALS);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(IssuerClient.json(response).path("error").asString()).isEqualTo("invalid_client");
		assertThat(response.body()).doesNotContain("access_token");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "commune-256, a district", "commune-27, the province", "commune-27-SNV, a department" })
	void onlyCommunesHaveMachineClients(String clientId, String what) throws Exception {
		HttpResponse<String> response = this.issuer.token(clientId, clientId + "-secret", CLIENT_CREDENTIALS);

		assertThat(response.statusCode()).as(what).isEqualTo(401);
	}

	@Test
	void theDiscoveryDocumentNamesTheConfiguredIssuerAndItsKeys() throws Exception {
		JsonNode discovery = IssuerClient.json(this.issuer.get("/.well-known/openid-configuration"));

		assertThat(discovery.path("issuer").asString()).isEqualTo(IssuerClient.ISSUER);
		assertThat(discovery.path("jwks_uri").asString()).isEqualTo(IssuerClient.ISSUER + "/oauth2/jwks");
		assertThat(discovery.path("token_endpoint").asString()).isEqualTo(IssuerClient.ISSUER + "/oauth2/token");
		JsonNode keys = IssuerClient.json(this.issuer.get("/oauth2/jwks")).path("keys");
		assertThat(keys.size()).isEqualTo(1);
		assertThat(keys.get(0).path("kty").asString()).isEqualTo("RSA");
	}

	@Test
	void answersItsHealthProbesWithoutAToken() throws Exception {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> response = this.issuer.get(probe);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(IssuerClient.json(response).path("status").asString()).as(probe).isEqualTo("UP");
		}
	}

}
