package vn.gov.cchc.notification.contact;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitKind;

/**
 * A unit's contacts as answered by {@code GET /api/v1/contacts/{unitCode}}.
 *
 * @param unitCode official unit code
 * @param name official Vietnamese name
 * @param kind the kind of unit
 * @param parentCode the parent in the unit tree
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists
 * @param contacts person, email and phone
 * @param asOf when the unit event these contacts come from happened (UTC)
 */
record ContactView(String unitCode, String name, UnitKind kind, @Nullable String parentCode, LocalDate validFrom,
		@Nullable LocalDate validTo, UnitContacts contacts, Instant asOf) {

	static ContactView of(Contact contact) {
		return new ContactView(contact.unitCode(), contact.name(), contact.kind(), contact.parentCode(),
				contact.validFrom(), contact.validTo(),
				new UnitContacts(contact.person(), contact.email(), contact.phone()), contact.occurredAt());
	}

}
