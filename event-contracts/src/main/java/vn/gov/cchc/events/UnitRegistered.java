package vn.gov.cchc.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit became known to the platform.
 *
 * @param unit its whole state
 * @param occurredAt when it was registered (UTC)
 */
public record UnitRegistered(UnitDetails unit, Instant occurredAt) {

	public UnitRegistered {
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
