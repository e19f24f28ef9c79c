package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PeriodType;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reminder: one rule of one report on one channel. Its id is the at-most-once key,
 * {@code <submissionId>|<rule>|<channel>}, and the submission id names the unit and the
 * period, so each (unit, period, rule, channel) has one document and goes out at most
 * once whatever happens around it.
 *
 * @param id {@code <submissionId>|<rule>|<channel>}
 * @param submissionId the report
 * @param unitCode the unit that owes the report
 * @param planId the report's plan
 * @param periodId the report's period
 * @param periodType the period's type
 * @param dueDate the report's due date
 * @param rule the rule's name
 * @param kind what the reminder says
 * @param channel the channel
 * @param recipientUnitCode the unit it goes to
 * @param dueAt the rule's time
 * @param sendAt when it may go: the rule's time, moved out of the quiet hours for SMS, or
 * later after a failure
 * @param state where it is
 * @param deliveryId the message that carries (or carried) it
 * @param fallbackFrom the channel that failed, when this reminder stands in for it
 * @param tries the messages that tried to carry it and failed
 * @param failure the last failure, for people
 * @param failedPermanently whether the last failure was for good
 * @param updatedAt when it last changed
 */
@Document("reminders")
record Reminder(@Id String id, String submissionId, String unitCode, String planId, String periodId,
		PeriodType periodType, LocalDate dueDate, String rule, ReminderKind kind, Channel channel,
		String recipientUnitCode, Instant dueAt, Instant sendAt, State state, @Nullable String deliveryId,
		@Nullable Channel fallbackFrom, int tries, @Nullable String failure, boolean failedPermanently,
		Instant updatedAt) {

	static String id(String submissionId, String rule, Channel channel) {
		return submissionId + "|" + rule + "|" + channel;
	}

	/** Where a reminder is. */
	enum State {

		/** Waiting for its time. */
		SCHEDULED,

		/** Taken into a message that is being sent. */
		CLAIMED,

		/** Went out, in the message {@code deliveryId}. */
		SENT,

		/** Failed on its channel; the other channel carries it, or nothing can. */
		FAILED,

		/** Not wanted any more: the report is in. */
		CANCELLED,

		/**
		 * Its time had long passed when the report became known; a later rule says the
		 * same thing.
		 */
		SKIPPED

	}

}
