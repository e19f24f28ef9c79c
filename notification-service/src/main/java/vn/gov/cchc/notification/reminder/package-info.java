/**
 * Deadline reminders: the rules, the schedule kept per report, the dispatcher that groups
 * what is due into one digest per unit and channel, sends it through the channel senders
 * behind Resilience4j, falls back to the other channel, and keeps the delivery log that
 * makes every (unit, period, rule, channel) go out at most once.
 */
@NullMarked
package vn.gov.cchc.notification.reminder;

import org.jspecify.annotations.NullMarked;
