package vn.gov.cchc.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressRecorded;

import static org.assertj.core.api.Assertions.assertThat;
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

}
