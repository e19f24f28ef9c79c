/**
 * notification-service: keeps every unit's contacts, read from the unit events, so that
 * reminders can reach the people responsible for a unit's reports.
 */
@NullMarked
package vn.gov.cchc.notification;

import org.jspecify.annotations.NullMarked;
