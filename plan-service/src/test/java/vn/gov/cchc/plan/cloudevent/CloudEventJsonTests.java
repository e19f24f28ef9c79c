package vn.gov.cchc.plan.cloudevent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.events.UnitRegistered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * CloudEvents in structured JSON, as they travel on the topics.
 */
class CloudEventJsonTests {

	private static final UnitRegistered registered = new UnitRegistered(
			new UnitDetails("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", LocalDate.of(1997, 1, 1), null,
					new UnitContacts("Ngô Quang Dũng", "pvuninh@bacninh.gov.vn", "0912345605")),
			Instant.parse("2026-11-20T03:00:00.123Z"));

	private final CloudEventJson json = new CloudEventJson();

	@Test
	void writesTheEnvelopeAndDataAsOneJsonDocumentWithIsoDates() {
		byte[] written = this.json.write(CloudEvent.of("e-1", URI.create("/cchc/plan-service"),
				EventTypes.UNIT_REGISTERED_V1, "09190", registered.occurredAt(), registered));

		JsonNode tree = JsonMapper.builder().build().readTree(written);
		assertThat(tree.get("specversion").asString()).isEqualTo("1.0");
		assertThat(tree.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(tree.get("time").asString()).isEqualTo("2026-11-20T03:00:00.123Z");
		assertThat(tree.get("data").get("unit").get("validFrom").asString()).isEqualTo("1997-01-01");
		assertThat(tree.get("data").get("occurredAt").asString()).isEqualTo("2026-11-20T03:00:00.123Z");
	}

	@Test
	void readsBackWhatItWroteIgnoringFieldsItDoesNotKnow() {
		String written = new String(this.json.write(CloudEvent.of("e-2", URI.create("/cchc/plan-service"),
				EventTypes.UNIT_REGISTERED_V1, "09190", registered.occurredAt(), registered)), StandardCharsets.UTF_8);
		String extended = written.replace("\"occurredAt\"", "\"region\":\"north\",\"occurredAt\"")
			.replace("\"specversion\"", "\"traceparent\":\"00-ab\",\"specversion\"");

		ReceivedCloudEvent event = this.json.read(extended.getBytes(StandardCharsets.UTF_8));

		assertThat(event.id()).isEqualTo("e-2");
		assertThat(event.type()).isEqualTo(EventTypes.UNIT_REGISTERED_V1);
		assertThat(event.data(UnitRegistered.class)).isEqualTo(registered);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[1, 2]", "\"text\"", "{\"id\": \"e\", \"data\": {}}",
			"{\"id\": \"e\", \"type\": 5, \"data\": {}}", "{\"id\": \"e\", \"type\": \"t\", \"data\": \"x\"}",
			"{\"type\": \"t\", \"data\": {}}" })
	void callsARecordThatIsNoCloudEventPoison(String value) {
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> this.json.read(value.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void callsDataThatDoesNotFitItsTypePoison() {
		ReceivedCloudEvent event = this.json.read("""
				{"id": "e-3", "type": "vn.gov.cchc.unit.registered.v1",
				 "data": {"unit": {"name": "no code"}, "occurredAt": "2026-11-20T03:00:00Z"}}"""
			.getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> event.data(UnitRegistered.class));
	}

}
