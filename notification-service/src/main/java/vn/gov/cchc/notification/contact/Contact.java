package vn.gov.cchc.notification.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit and how to reach the people who answer for it, as of the latest unit event
 * applied. One document per unit code.
 *
 * @param unitCode official unit code, the document id
 * @param name official Vietnamese name
 * @param kind the kind of unit
 * @param parentCode the parent in the unit tree
 * @param person the contact person
 * @param email email address for reminders
 * @param phone mobile number for SMS reminders
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists
 * @param occurredAt when the applied event happened, at millisecond precision
 * @param lastEventId id of the applied event
 */
@Document("contacts")
public record Contact(@Id String unitCode, String name, UnitKind kind, @Nullable String parentCode,
		@Nullable String person, @Nullable String email, @Nullable String phone, LocalDate validFrom,
		@Nullable LocalDate validTo, Instant occurredAt, String lastEventId) {

	/**
	 * The contact as the event leaves it. The time is cut to milliseconds because that is
	 * all a BSON date holds: comparing a finer event time with a stored, truncated one
	 * would make a redelivered event look newer than itself.
	 */
	static Contact from(UnitEvent event) {
		UnitDetails unit = event.unit();
		return new Contact(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.contacts().person(),
				unit.contacts().email(), unit.contacts().phone(), unit.validFrom(), unit.validTo(),
				event.occurredAt().truncatedTo(ChronoUnit.MILLIS), event.eventId());
	}

}
