package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitKind;
import vn.gov.cchc.plan.validation.Distinct;
import vn.gov.cchc.plan.validation.Text;
import vn.gov.cchc.plan.validation.UnitCode;

/**
 * One unit of a {@code PUT /api/v1/units} batch (or an import, or the successor of a
 * merge or split), as sent: the unit's whole state. Everything is nullable here so that
 * {@link UnitRequestValidator} can name every missing field at once; the annotations are
 * the rules of its shape, the validator keeps those between fields and against the tree.
 *
 * @param code official code, never reused
 * @param name official name
 * @param kind kind of unit
 * @param parentCode parent in the tree from the end of the last {@code parentHistory}
 * period (or from {@code validFrom}) on; none for a province
 * @param validFrom first day the unit exists
 * @param validTo last day the unit exists, if it ended
 * @param contacts where its reminders go
 * @param parentHistory earlier parents, oldest first
 * @param predecessorCodes units this one was formed from
 * @param successorCodes units that took this one over when it ended
 * @param groups members of denominator groups, by group name (e.g.
 * {@code commune-radio-stations: 1})
 */
public record UnitRequest(@NotBlank @UnitCode @Nullable String code,
		@NotBlank @Text(max = 200, lineBreaks = false, message = "{unit.name.tooLong}") @Nullable String name,
		@NotNull @Nullable UnitKind kind, @UnitCode(strip = true) @Nullable String parentCode,
		@NotNull @Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Valid @Nullable Contacts contacts,
		@Size(max = 50,
				message = "{unit.parentHistory.size}") @Nullable List<@NotNull(
						message = "{unit.parentPeriod.null}") @Valid @Nullable ParentPeriod> parentHistory,
		@Size(max = 100, message = "{unit.links.size}") @Distinct(
				message = "{unit.links.distinct}") @Nullable List<@NotBlank @UnitCode(
						strip = true) @Nullable String> predecessorCodes,
		@Size(max = 100, message = "{unit.links.size}") @Distinct(
				message = "{unit.links.distinct}") @Nullable List<@NotBlank @UnitCode(
						strip = true) @Nullable String> successorCodes,
		@Size(max = 50, message = "{unit.groups.size}") @Nullable Map<@Pattern(regexp = UnitRequest.GROUP,
				message = "{unit.group}") String, @NotNull @Min(value = 0, message = "{unit.group.members}") @Max(
						value = 100_000, message = "{unit.group.members}") @Nullable Integer> groups) {

	/** No dots: group names are keys of a MongoDB sub-document. */
	static final String GROUP = "^[a-z0-9][a-z0-9-]{0,39}$";

	/** A unit without history, reorganisation links or groups. */
	public UnitRequest(@Nullable String code, @Nullable String name, @Nullable UnitKind kind,
			@Nullable String parentCode, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
			@Nullable Contacts contacts) {
		this(code, name, kind, parentCode, validFrom, validTo, contacts, null, null, null, null);
	}

	/** The same unit with another first day. */
	UnitRequest withValidFrom(@Nullable LocalDate day) {
		return new UnitRequest(this.code, this.name, this.kind, this.parentCode, day, this.validTo, this.contacts,
				this.parentHistory, this.predecessorCodes, this.successorCodes, this.groups);
	}

	/**
	 * @param person the contact person
	 * @param email email address
	 * @param phone mobile number for SMS
	 */
	public record Contacts(
			@Text(max = 200, lineBreaks = false, message = "{unit.contacts.person.tooLong}") @Nullable String person,
			// Deliberately loose: one @, no spaces, a dot in the domain. Whether the
			// mailbox exists is only known when a reminder bounces.
			@Size(max = 254, message = "{unit.contacts.email}") @Pattern(
					regexp = "^\\s*([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?\\s*$",
					message = "{unit.contacts.email}") @Nullable String email,
			@Pattern(regexp = "^\\s*(\\+?[0-9]{9,15})?\\s*$",
					message = "{unit.contacts.phone}") @Nullable String phone) {

	}

	/**
	 * A parent the unit had before its current one.
	 *
	 * @param parentCode the parent then
	 * @param from first day under it
	 * @param to last day under it
	 */
	public record ParentPeriod(@NotBlank @UnitCode(strip = true) @Nullable String parentCode,
			@NotNull @Nullable LocalDate from, @NotNull @Nullable LocalDate to) {

	}

}
