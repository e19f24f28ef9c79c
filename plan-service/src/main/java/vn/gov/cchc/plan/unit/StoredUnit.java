package vn.gov.cchc.plan.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitContacts;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit as stored in the {@code units} collection: its latest state from
 * {@code cchc.units}, and which event brought it.
 *
 * @param code the unit code, the document id
 * @param contacts absent when the unit has none: an object of nulls is not stored
 * @param occurredAt {@code occurredAt} of the event that brought this state; an older
 * event does not overwrite it
 * @param eventId id of that event
 */
@Document(Units.COLLECTION)
record StoredUnit(@Id String code, String name, UnitKind kind, @Nullable String parentCode, LocalDate validFrom,
		@Nullable LocalDate validTo, @Nullable UnitContacts contacts,
		@Nullable List<UnitDetails.ParentPeriod> parentHistory, @Nullable List<String> predecessorCodes,
		@Nullable List<String> successorCodes, @Nullable Map<String, Integer> groups, Instant occurredAt,
		String eventId) {

	static StoredUnit of(UnitDetails unit, Instant occurredAt, String eventId) {
		return new StoredUnit(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.validFrom(),
				unit.validTo(), unit.contacts(), unit.parentHistory(), unit.predecessorCodes(), unit.successorCodes(),
				unit.groups(), occurredAt, eventId);
	}

	UnitDetails toDetails() {
		// Lists and maps absent in documents stored before they existed read as empty.
		return new UnitDetails(this.code, this.name, this.kind, this.parentCode, this.validFrom, this.validTo,
				(this.contacts != null) ? this.contacts : new UnitContacts(null, null, null), this.parentHistory,
				this.predecessorCodes, this.successorCodes, this.groups);
	}

}
