/**
 * SMS reminders: a digest composed as a short text that fits the configured number of
 * segments (without diacritics, so in the GSM-7 alphabet, unless configured otherwise)
 * and sent through an HTTP SMS gateway, one attempt per call, with each failure
 * classified as permanent or transient for the dispatcher's retries.
 */
@NullMarked
package vn.gov.cchc.notification.sms;

import org.jspecify.annotations.NullMarked;
