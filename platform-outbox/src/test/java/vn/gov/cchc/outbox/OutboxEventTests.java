package vn.gov.cchc.outbox;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event announced through the outbox is a whole CloudEvent, fixed when it is made.
 */
class OutboxEventTests {

	private static final URI SOURCE = URI.create("/cchc/test-service");

	private static final Instant TIME = Instant.parse("2026-11-20T03:00:00.123Z");

	@Test
	void announcesTheDataAsACloudEventKeyedAndWithASubjectByTheAggregate() {
		OutboxEvent event = OutboxEvent.announcing(SOURCE, "vn.gov.cchc.test.happened.v1", "R-1", TIME,
				Map.of("roundId", "R-1", "unitCode", "09190"));

		assertThat(UUID.fromString(event.eventId())).isNotNull();
		assertThat(event.type()).isEqualTo("vn.gov.cchc.test.happened.v1");
		assertThat(event.key()).isEqualTo("R-1");
		assertThat(event.time()).isEqualTo(TIME);
		assertThat(event.attempts()).isZero();
		JsonNode cloudEvent = JsonMapper.builder().build().readTree(event.cloudEvent());
		assertThat(cloudEvent.get("specversion").asString()).isEqualTo("1.0");
		assertThat(cloudEvent.get("id").asString()).isEqualTo(event.eventId());
		assertThat(cloudEvent.get("source").asString()).isEqualTo("/cchc/test-service");
		assertThat(cloudEvent.get("type").asString()).isEqualTo("vn.gov.cchc.test.happened.v1");
		assertThat(cloudEvent.get("time").asString()).isEqualTo("2026-11-20T03:00:00.123Z");
		assertThat(cloudEvent.get("subject").asString()).isEqualTo("R-1");
		assertThat(cloudEvent.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(cloudEvent.get("data").get("unitCode").asString()).isEqualTo("09190");
	}

	@Test
	void eachAnnouncedEventHasItsOwnId() {
		OutboxEvent first = OutboxEvent.announcing(SOURCE, "vn.gov.cchc.test.happened.v1", "R-1", TIME, Map.of());
		OutboxEvent second = OutboxEvent.announcing(SOURCE, "vn.gov.cchc.test.happened.v1", "R-1", TIME, Map.of());

		assertThat(first.eventId()).isNotEqualTo(second.eventId());
	}

	@Test
	void anAnnouncedEventIsStoredAndReadBackUnchanged() {
		OutboxEvent event = OutboxEvent.announcing(SOURCE, "vn.gov.cchc.test.happened.v1", "R-1", TIME,
				Map.of("roundId", "R-1"));

		assertThat(OutboxEvent.from(event.toDocument(), "R-1")).isEqualTo(event);
	}

}
