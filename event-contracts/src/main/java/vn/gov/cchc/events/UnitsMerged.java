package vn.gov.cchc.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Several units were merged into one (e.g. communes on 1 July 2025). Keyed by the
 * successor's code. The same links are in the units' own events
 * ({@link UnitDetails#successorCodes()}, {@link UnitDetails#predecessorCodes()}), which
 * is what survives compaction; this event tells consumers that want to act on the merge.
 *
 * @param predecessorCodes the merged units, which ended the day before
 * {@code effectiveOn}
 * @param successorCode the unit they became
 * @param effectiveOn first day of the successor
 * @param occurredAt when the merge was recorded (UTC)
 */
public record UnitsMerged(List<String> predecessorCodes, String successorCode, LocalDate effectiveOn,
		Instant occurredAt) {

	public UnitsMerged {
		predecessorCodes = List.copyOf(Objects.requireNonNull(predecessorCodes, "predecessorCodes"));
		Objects.requireNonNull(successorCode, "successorCode");
		Objects.requireNonNull(effectiveOn, "effectiveOn");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
