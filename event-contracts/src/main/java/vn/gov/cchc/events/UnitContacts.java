package vn.gov.cchc.events;

import org.jspecify.annotations.Nullable;

/**
 * Where a unit's deadline reminders go.
 *
 * @param person the contact person
 * @param email email address
 * @param phone mobile phone number for SMS
 */
public record UnitContacts(@Nullable String person, @Nullable String email, @Nullable String phone) {

}
