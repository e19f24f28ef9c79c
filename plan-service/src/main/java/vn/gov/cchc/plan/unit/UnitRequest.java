package vn.gov.cchc.plan.unit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitKind;

/**
 * One unit of a {@code PUT /api/v1/units} batch, as sent. Everything is nullable here so
 * that {@link UnitRequestValidator} can name every missing field at once.
 *
 * @param code official code
 * @param name official name
 * @param kind kind of unit
 * @param parentCode parent in the tree; none for a province
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists, if it ended
 * @param contacts where its reminders go
 */
public record UnitRequest(@Nullable String code, @Nullable String name, @Nullable UnitKind kind,
		@Nullable String parentCode, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
		@Nullable Contacts contacts) {

	/**
	 * @param person the contact person
	 * @param email email address
	 * @param phone mobile number for SMS
	 */
	public record Contacts(@Nullable String person, @Nullable String email, @Nullable String phone) {

	}

}
