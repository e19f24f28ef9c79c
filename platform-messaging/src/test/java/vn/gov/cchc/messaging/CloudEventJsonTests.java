package vn.gov.cchc.messaging;

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
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.events.UnitRegistered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wire reader tolerates what the contract allows and rejects the rest as poison.
 */
class CloudEventJsonTests {

	private static final String PROGRESS = """
			{"specversion":"1.0","id":"evt-0001-abcdef","source":"/cchc/plan-service",
			 "type":"vn.gov.cchc.progress.recorded.v1","time":"2025-03-14T09:30:00Z","subject":"09190",
			 "datacontenttype":"application/json","addedLater":{"x":1},
			 "data":{"eventId":"evt-0001-abcdef","unitCode":"09190","planId":"27-22-KH-UBND-2025","activityId":"A1",
			   "date":"2025-03-14","quantities":{"broadcasts":1,"minutes":15},"evidence":["https://bacninh.gov.vn/a"],
			   "budgetSpentVnd":1500000,"reporter":"Nguyễn Thị Hà","recordedAt":"2025-03-14T09:30:00Z",
			   "alsoAddedLater":true}}
			""";

	private static final UnitRegistered registered = new UnitRegistered(
			new UnitDetails("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", LocalDate.of(1997, 1, 1), null,
					new UnitContacts("Ngô Quang Dũng", "pvuninh@bacninh.gov.vn", "0912345605")),
			Instant.parse("2026-11-20T03:00:00.123Z"));

	private final CloudEventJson reader = new CloudEventJson();

	@Test
	void readsAProgressEventIgnoringUnknownFieldsInEnvelopeAndData() {
		ReceivedCloudEvent event = this.reader.read(PROGRESS.getBytes(StandardCharsets.UTF_8));

		assertThat(event.type()).isEqualTo(EventTypes.PROGRESS_RECORDED_V1);
		assertThat(event.id()).isEqualTo("evt-0001-abcdef");
		CloudEvent<ProgressRecorded> progress = event.as(ProgressRecorded.class);
		assertThat(progress.data().quantities()).containsEntry("minutes", 15L).hasSize(2);
		assertThat(progress.data().reporter()).isEqualTo("Nguyễn Thị Hà");
		assertThat(progress.data().budgetSpentVnd()).isEqualTo(1_500_000L);
	}

	@Test
	void rejectsAValueThatIsNotJsonAsPoison() {
		assertThatThrownBy(() -> this.reader.read("{not json".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(PoisonEventException.class);
		assertThatThrownBy(() -> this.reader.read(new byte[0])).isInstanceOf(PoisonEventException.class);
	}

	@Test
	void rejectsJsonWithoutAStringTypeAsPoison() {
		assertThatThrownBy(() -> this.reader.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(PoisonEventException.class);
		assertThatThrownBy(() -> this.reader.read("{\"id\":\"x\",\"type\":7}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(PoisonEventException.class);
	}

	@Test
	void rejectsDataMissingARequiredFieldAsPoison() {
		String withoutUnit = PROGRESS.replace("\"unitCode\":\"09190\",", "");
		ReceivedCloudEvent event = this.reader.read(withoutUnit.getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> event.as(ProgressRecorded.class)).isInstanceOf(PoisonEventException.class)
			.hasMessageContaining("ProgressRecorded");
	}

	@Test
	void writesWhatItReadsBack() {
		ProgressRecorded data = this.reader.read(PROGRESS.getBytes(StandardCharsets.UTF_8))
			.as(ProgressRecorded.class)
			.data();
		CloudEvent<ProgressRecorded> event = CloudEvent.of(data.eventId(), URI.create("/cchc/plan-service"),
				EventTypes.PROGRESS_RECORDED_V1, data.unitCode(), Instant.parse("2025-03-14T09:30:00Z"), data);

		ReceivedCloudEvent read = this.reader.read(this.reader.write(event));

		assertThat(read.id()).isEqualTo("evt-0001-abcdef");
		assertThat(read.as(ProgressRecorded.class)).isEqualTo(event);
		assertThat(read.as(ProgressRecorded.class).data().date()).isEqualTo(LocalDate.of(2025, 3, 14));
	}

	@Test
	void rejectsAnEnvelopeThatBreaksTheContractOnceItIsRead() {
		String withoutVersion = PROGRESS.replace("\"specversion\":\"1.0\",", "");
		ReceivedCloudEvent event = this.reader.read(withoutVersion.getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> event.as(ProgressRecorded.class)).isInstanceOf(PoisonEventException.class)
			.hasMessageContaining("evt-0001-abcdef");
	}

	@Test
	void writesTheEnvelopeAndDataAsOneJsonDocumentWithIsoDates() {
		byte[] written = this.reader.write(CloudEvent.of("e-1", URI.create("/cchc/plan-service"),
				EventTypes.UNIT_REGISTERED_V1, "09190", registered.occurredAt(), registered));

		JsonNode tree = JsonMapper.builder().build().readTree(written);
		assertThat(tree.get("specversion").asString()).isEqualTo("1.0");
		assertThat(tree.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(tree.get("time").asString()).isEqualTo("2026-11-20T03:00:00.123Z");
		assertThat(tree.get("data").get("unit").get("validFrom").asString()).isEqualTo("1997-01-01");
		assertThat(tree.get("data").get("occurredAt").asString()).isEqualTo("2026-11-20T03:00:00.123Z");
	}

	@Test
	void readsBackWhatItWroteWithIdAndDataIgnoringFieldsItDoesNotKnow() {
		String written = new String(this.reader.write(CloudEvent.of("e-2", URI.create("/cchc/plan-service"),
				EventTypes.UNIT_REGISTERED_V1, "09190", registered.occurredAt(), registered)), StandardCharsets.UTF_8);
		String extended = written.replace("\"occurredAt\"", "\"region\":\"north\",\"occurredAt\"")
			.replace("\"specversion\"", "\"traceparent\":\"00-ab\",\"specversion\"");

		ReceivedCloudEvent event = this.reader.readWithIdAndData(extended.getBytes(StandardCharsets.UTF_8));

		assertThat(event.id()).isEqualTo("e-2");
		assertThat(event.type()).isEqualTo(EventTypes.UNIT_REGISTERED_V1);
		assertThat(event.as(UnitRegistered.class).data()).isEqualTo(registered);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[1, 2]", "\"text\"", "{\"id\": \"e\", \"data\": {}}",
			"{\"id\": \"e\", \"type\": 5, \"data\": {}}", "{\"id\": \"e\", \"type\": \"t\", \"data\": \"x\"}",
			"{\"type\": \"t\", \"data\": {}}", "{\"id\": 7, \"type\": \"t\", \"data\": {}}",
			"{\"id\": \"e\", \"type\": \"t\"}", "{\"id\": \"e\", \"type\": \"t\", \"data\": null}" })
	void readingWithIdAndDataCallsARecordThatIsNoSuchCloudEventPoison(String value) {
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> this.reader.readWithIdAndData(value.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void readingLazilyLeavesAMissingIdOrDataToTheConsumer() {
		ReceivedCloudEvent withoutId = this.reader
			.read("{\"type\": \"t\", \"data\": {}}".getBytes(StandardCharsets.UTF_8));
		ReceivedCloudEvent withoutData = this.reader
			.read("{\"id\": \"e\", \"type\": \"t\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(withoutId.id()).isEmpty();
		assertThat(withoutData.id()).isEqualTo("e");
		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> withoutId.as(UnitRegistered.class));
		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> withoutData.as(UnitRegistered.class));
	}

	@Test
	void callsUnitDataThatDoesNotFitItsTypePoison() {
		ReceivedCloudEvent event = this.reader.readWithIdAndData("""
				{"specversion": "1.0", "id": "e-3", "source": "/test", "type": "vn.gov.cchc.unit.registered.v1",
				 "time": "2026-11-20T03:00:00Z", "datacontenttype": "application/json",
				 "data": {"unit": {"name": "no code"}, "occurredAt": "2026-11-20T03:00:00Z"}}"""
			.getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> event.as(UnitRegistered.class))
			.withMessageContaining("UnitRegistered");
	}

}
