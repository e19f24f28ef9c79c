package vn.gov.cchc.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One unit was split into several. Keyed by the predecessor's code; the links are also in
 * the units' own events, as for {@link UnitsMerged}.
 *
 * @param predecessorCode the split unit, which ended the day before {@code effectiveOn}
 * @param successorCodes the units it became
 * @param effectiveOn first day of the successors
 * @param occurredAt when the split was recorded (UTC)
 */
public record UnitsSplit(String predecessorCode, List<String> successorCodes, LocalDate effectiveOn,
		Instant occurredAt) {

	public UnitsSplit {
		Objects.requireNonNull(predecessorCode, "predecessorCode");
		successorCodes = List.copyOf(Objects.requireNonNull(successorCodes, "successorCodes"));
		Objects.requireNonNull(effectiveOn, "effectiveOn");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
