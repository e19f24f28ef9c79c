package vn.gov.cchc.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A known unit's name, parent, validity or contacts changed.
 *
 * @param unit its whole new state
 * @param occurredAt when it changed (UTC)
 */
public record UnitChanged(UnitDetails unit, Instant occurredAt) {

	public UnitChanged {
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
