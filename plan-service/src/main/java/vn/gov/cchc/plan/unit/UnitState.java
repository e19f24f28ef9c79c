package vn.gov.cchc.plan.unit;

import java.time.Instant;

import vn.gov.cchc.events.UnitDetails;

/**
 * A unit's whole state as an event on {@code cchc.units} carried it.
 *
 * @param occurredAt when the state was made; a later one wins
 * @param eventId the event's id
 */
record UnitState(UnitDetails unit, Instant occurredAt, String eventId) {

}
