package vn.gov.cchc.notification.contact;

import java.time.Instant;

import vn.gov.cchc.events.UnitDetails;

/**
 * A unit event this service understands, whether it registered the unit or changed it:
 * both carry the unit's whole state, so both are applied the same way.
 *
 * @param eventId the CloudEvent id
 * @param type the CloudEvent type
 * @param unit the unit's whole state after the event
 * @param occurredAt when the registration or change happened (UTC)
 */
record UnitEvent(String eventId, String type, UnitDetails unit, Instant occurredAt) {

}
