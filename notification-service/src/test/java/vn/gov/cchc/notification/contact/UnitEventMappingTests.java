package vn.gov.cchc.notification.contact;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.messaging.PoisonEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * From a record value on the units topic to the stored contact and the answer of the
 * contacts endpoint.
 */
class UnitEventMappingTests {

	private final UnitEventReader reader = new UnitEventReader(new CloudEventJson());

	@Test
	void readsAUnitRegisteredEventIntoAContact() {
		String value = """
				{"specversion":"1.0","id":"evt-1","source":"/cchc/plan-service",
				 "type":"vn.gov.cchc.unit.registered.v1","time":"2025-01-02T01:00:00Z","subject":"09190",
				 "datacontenttype":"application/json",
				 "data":{"unit":{"code":"09190","name":"Phường Vũ Ninh","kind":"COMMUNE","parentCode":"256",
				   "validFrom":"2008-01-01","validTo":"2025-06-30",
				   "contacts":{"person":"Trần Văn Minh","email":"vuninh@bacninh.gov.vn","phone":"0912345678"}},
				  "occurredAt":"2025-01-02T01:00:00.123456789Z"}}
				""";

		Contact contact = Contact.from(this.reader.read(bytes(value)).orElseThrow());

		assertThat(contact).isEqualTo(new Contact("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", "Trần Văn Minh",
				"vuninh@bacninh.gov.vn", "0912345678", LocalDate.of(2008, 1, 1), LocalDate.of(2025, 6, 30),
				Instant.parse("2025-01-02T01:00:00.123Z"), "evt-1"));
	}

	@Test
	void readsAUnitChangedEventIgnoringFieldsItDoesNotKnow() {
		String value = """
				{"specversion":"1.0","id":"evt-2","source":"/cchc/plan-service",
				 "type":"vn.gov.cchc.unit.changed.v1","time":"2025-07-01T00:00:00Z",
				 "datacontenttype":"application/json","traceparent":"00-abc-def-01",
				 "data":{"unit":{"code":"256","name":"Thành phố Bắc Ninh","kind":"DISTRICT","parentCode":"27",
				   "validFrom":"2008-01-01","successorCodes":["27"],
				   "contacts":{"person":null,"email":"tpbn@bacninh.gov.vn","zalo":"tpbn"}},
				  "occurredAt":"2025-07-01T00:00:00Z","reason":"sáp nhập"}}
				""";

		UnitEvent event = this.reader.read(bytes(value)).orElseThrow();

		assertThat(event.eventId()).isEqualTo("evt-2");
		assertThat(event.type()).isEqualTo(EventTypes.UNIT_CHANGED_V1);
		assertThat(event.unit().code()).isEqualTo("256");
		assertThat(event.unit().validTo()).isNull();
		assertThat(event.unit().contacts()).isEqualTo(new UnitContacts(null, "tpbn@bacninh.gov.vn", null));
		assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
	}

	@Test
	void skipsAnEventOfAnotherType() {
		String value = """
				{"specversion":"1.0","id":"evt-3","source":"/cchc/plan-service",
				 "type":"vn.gov.cchc.unit.merged.v2","time":"2025-07-01T00:00:00Z",
				 "datacontenttype":"application/json","data":{"whatever":true}}
				""";

		assertThat(this.reader.read(bytes(value))).isEqualTo(Optional.empty());
	}

	@Test
	void rejectsAValueThatIsNotJson() {
		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> this.reader.read(bytes("not json {")));
	}

	@Test
	void rejectsAnEnvelopeWithoutTheCloudEventsVersion() {
		String value = """
				{"id":"evt-4","source":"/cchc/plan-service","type":"vn.gov.cchc.unit.registered.v1",
				 "time":"2025-07-01T00:00:00Z","data":{}}
				""";

		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> this.reader.read(bytes(value)));
	}

	@Test
	void rejectsAKnownTypeWhoseDataMissesARequiredField() {
		String value = """
				{"specversion":"1.0","id":"evt-5","source":"/cchc/plan-service",
				 "type":"vn.gov.cchc.unit.registered.v1","time":"2025-07-01T00:00:00Z",
				 "datacontenttype":"application/json",
				 "data":{"unit":{"code":"09190","kind":"COMMUNE","validFrom":"2008-01-01","contacts":{}},
				  "occurredAt":"2025-07-01T00:00:00Z"}}
				""";

		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> this.reader.read(bytes(value)))
			.withMessageContaining("evt-5");
	}

	@Test
	void rejectsAKnownTypeWithAnUnknownUnitKind() {
		String value = """
				{"specversion":"1.0","id":"evt-6","source":"/cchc/plan-service",
				 "type":"vn.gov.cchc.unit.changed.v1","time":"2025-07-01T00:00:00Z",
				 "datacontenttype":"application/json",
				 "data":{"unit":{"code":"09190","name":"X","kind":"VILLAGE","validFrom":"2008-01-01","contacts":{}},
				  "occurredAt":"2025-07-01T00:00:00Z"}}
				""";

		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> this.reader.read(bytes(value)));
	}

	@Test
	void answersTheContactsWithTheTimeOfTheEventTheyComeFrom() {
		Contact contact = new Contact("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", "Trần Văn Minh",
				"vuninh@bacninh.gov.vn", "0912345678", LocalDate.of(2008, 1, 1), null,
				Instant.parse("2025-01-02T01:00:00.123Z"), "evt-1");

		assertThat(ContactView.of(contact))
			.isEqualTo(new ContactView("09190", "Phường Vũ Ninh", UnitKind.COMMUNE, "256", LocalDate.of(2008, 1, 1),
					null, new UnitContacts("Trần Văn Minh", "vuninh@bacninh.gov.vn", "0912345678"),
					Instant.parse("2025-01-02T01:00:00.123Z")));
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
