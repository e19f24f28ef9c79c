package vn.gov.cchc.authserver.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DemoDirectoryTests {

	/** The repository's demo units, the file deploy/local/cchc gives the issuer. */
	private static final Resource DEMO_UNITS = new FileSystemResource("../demo/units.json");

	@Test
	void makesOneMachineClientForEveryCommuneOfTheDemoUnitsAndNoneForOtherUnits() throws Exception {
		Set<String> communes = new TreeSet<>();
		Set<String> others = new TreeSet<>();
		for (JsonNode unit : JsonMapper.builder().build().readTree(DEMO_UNITS.getInputStream())) {
			(unit.path("kind").asString().equals("COMMUNE") ? communes : others).add(unit.path("code").asString());
		}

		DemoDirectory directory = DemoDirectory.withMachineClientsFor(DEMO_UNITS);

		assertThat(directory.machineClients()).extracting(Identity::unit).containsExactlyInAnyOrderElementsOf(communes);
		assertThat(directory.machineClients()).allSatisfy((client) -> {
			assertThat(client.login()).isEqualTo("commune-" + client.unit());
			assertThat(client.roleClaims()).containsExactly("machine");
			assertThat(client.name()).startsWith("Hệ thống một cửa ");
		});
		assertThat(others).isNotEmpty()
			.allSatisfy((code) -> assertThat(directory.machineClient("commune-" + code)).isEmpty());
		assertThat(directory.machineClient("commune-09190"))
			.hasValue(new Identity("commune-09190", "Hệ thống một cửa Phường Vũ Ninh", "09190", List.of(Role.MACHINE)));
		assertThat(DemoDirectory.machineClientSecret("commune-09190")).isEqualTo("commune-09190-secret");
	}

	@Test
	void thePeopleAreThoseOfTheSecurityContract() {
		DemoDirectory directory = DemoDirectory.withMachineClientsFor(DEMO_UNITS);

		assertThat(directory.people()).extracting(Identity::login, Identity::unit, Identity::roleClaims)
			.containsExactly(person("vuninh.canbo", "09190", "officer"), person("tpbacninh.canbo", "256", "officer"),
					person("stttt.canbo", "27-STTTT", "officer"), person("snv.thamdinh", "27-SNV", "reviewer"),
					person("quantri", "27", "admin"), person("ninhthuan.thamdinh", "58-SNV", "reviewer"));
		assertThat(directory.people()).allSatisfy((person) -> assertThat(person.name()).isNotBlank());
		assertThat(directory.person("commune-09190")).isEmpty();
		assertThat(directory.machineClient("vuninh.canbo")).isEmpty();
		assertThat(DemoDirectory.PASSWORD).isEqualTo("cchc-demo");
	}

	@Test
	void aMissingUnitsFileFailsNamingTheFileAndTheSetting() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoDirectory.withMachineClientsFor(new FileSystemResource("target/no-such-units.json")))
			.withMessageContaining("no-such-units.json")
			.withMessageContaining("does not exist")
			.withMessageContaining("CCHC_DEMO_UNITS");
	}

	@Test
	void aUnitsFileThatIsNotAnArrayOfUnitsWithCommunesIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoDirectory.withMachineClientsFor(json("{\"code\":\"27\"}")))
			.withMessageContaining("not a JSON array");
		assertThatIllegalStateException()
			.isThrownBy(() -> DemoDirectory.withMachineClientsFor(json("[{\"code\":\"27\",\"kind\":\"PROVINCE\"}]")))
			.withMessageContaining("no unit of kind COMMUNE");
		assertThatIllegalStateException().isThrownBy(() -> DemoDirectory.withMachineClientsFor(json("[{\"code\":")))
			.withMessageContaining("Cannot read");
	}

	private static Tuple person(String login, String unit, String role) {
		return Assertions.tuple(login, unit, List.of(role));
	}

	private static Resource json(String body) {
		return new ByteArrayResource(body.getBytes(StandardCharsets.UTF_8), "test units");
	}

}
