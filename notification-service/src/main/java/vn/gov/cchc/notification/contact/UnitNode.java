package vn.gov.cchc.notification.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.events.UnitPlacement;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a unit sits in the tree over its life, as of the latest unit event applied: its
 * days and its parent on each of them. One document per unit code. The contacts keep only
 * the current parent; a unit moved, or a district dissolved, needs the earlier parents
 * too, so that a reminder of 2024 is read on the tree of 2024 (walked by
 * {@link vn.gov.cchc.events.DatedUnitTree}).
 *
 * @param unitCode official unit code, the document id
 * @param parentCode the parent on every day of the unit's life that no earlier parent
 * covers; absent for a province
 * @param parentHistory earlier parents, oldest first, each with the days it held
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists, absent while it exists
 * @param occurredAt when the applied event happened, at millisecond precision
 * @param lastEventId id of the applied event
 */
@Document("units")
record UnitNode(@Id String unitCode, @Nullable String parentCode, List<UnitDetails.ParentPeriod> parentHistory,
		LocalDate validFrom, @Nullable LocalDate validTo, Instant occurredAt,
		String lastEventId) implements UnitPlacement {

	UnitNode {
		parentHistory = (parentHistory != null) ? List.copyOf(parentHistory) : List.of();
	}

	/** The unit's place as the event leaves it (time cut as for {@link Contact}). */
	static UnitNode from(UnitEvent event) {
		UnitDetails unit = event.unit();
		return new UnitNode(unit.code(), unit.parentCode(), unit.parentHistory(), unit.validFrom(), unit.validTo(),
				event.occurredAt().truncatedTo(ChronoUnit.MILLIS), event.eventId());
	}

	/**
	 * What the contacts say of a unit, for a unit whose place was stored before this
	 * collection existed: its current parent on every day.
	 */
	static UnitNode of(Contact contact) {
		return new UnitNode(contact.unitCode(), contact.parentCode(), List.of(), contact.validFrom(), contact.validTo(),
				contact.occurredAt(), contact.lastEventId());
	}

	@Override
	public String code() {
		return this.unitCode;
	}

}
