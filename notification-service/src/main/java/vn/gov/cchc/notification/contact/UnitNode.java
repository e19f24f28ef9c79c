package vn.gov.cchc.notification.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a unit sits in the tree over its life, as of the latest unit event applied: its
 * days and its parent on each of them. One document per unit code. The contacts keep only
 * the current parent; a unit moved, or a district dissolved, needs the earlier parents
 * too, so that a reminder of 2024 is read on the tree of 2024.
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
record UnitNode(@Id String unitCode, @Nullable String parentCode, List<EarlierParent> parentHistory,
		LocalDate validFrom, @Nullable LocalDate validTo, Instant occurredAt, String lastEventId) {

	UnitNode {
		parentHistory = (parentHistory != null) ? List.copyOf(parentHistory) : List.of();
	}

	/** The unit's place as the event leaves it (time cut as for {@link Contact}). */
	static UnitNode from(UnitEvent event) {
		UnitDetails unit = event.unit();
		List<EarlierParent> history = unit.parentHistory()
			.stream()
			.map((period) -> new EarlierParent(period.parentCode(), period.from(), period.to()))
			.toList();
		return new UnitNode(unit.code(), unit.parentCode(), history, unit.validFrom(), unit.validTo(),
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

	boolean validOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

	/**
	 * The parent on the day: the earlier parent whose days cover it, else
	 * {@code parentCode}.
	 */
	@Nullable String parentOn(LocalDate day) {
		for (EarlierParent earlier : this.parentHistory) {
			if (earlier.covers(day)) {
				return earlier.parentCode();
			}
		}
		return this.parentCode;
	}

	/** Every parent the unit had, whatever the day. */
	Set<String> parentsOverLife() {
		Set<String> parents = new LinkedHashSet<>();
		this.parentHistory.stream().map(EarlierParent::parentCode).filter(Objects::nonNull).forEach(parents::add);
		if (this.parentCode != null) {
			parents.add(this.parentCode);
		}
		return parents;
	}

	/**
	 * The days on which the unit's place may change: its first day, the day after its
	 * last, and the first day of each parent and of the one after it.
	 */
	List<LocalDate> changeDays() {
		List<LocalDate> days = new ArrayList<>(List.of(this.validFrom));
		if (this.validTo != null) {
			days.add(this.validTo.plusDays(1));
		}
		for (EarlierParent earlier : this.parentHistory) {
			days.add(earlier.from());
			days.add(earlier.to().plusDays(1));
		}
		return days;
	}

	/**
	 * A parent the unit had before its current one.
	 *
	 * @param parentCode the parent then; absent while the unit was at the top
	 * @param from first day under it
	 * @param to last day under it
	 */
	record EarlierParent(@Nullable String parentCode, LocalDate from, LocalDate to) {

		boolean covers(LocalDate day) {
			return !day.isBefore(this.from) && !day.isAfter(this.to);
		}

	}

}
