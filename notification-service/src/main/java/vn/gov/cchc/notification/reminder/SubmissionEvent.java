package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PeriodType;

/**
 * What the reminders need of one event on {@code cchc.submissions}.
 *
 * @param eventId the CloudEvent id, the idempotency key
 * @param kind what happened to the submission
 * @param submissionId the submission
 * @param unitCode the unit that owes it
 * @param planId its plan
 * @param periodId its period
 * @param periodType its period's type
 * @param dueDate the due date, on {@code SubmissionDue}
 * @param receiverUnitCode the receiver, on {@code SubmissionDue}
 * @param escalationUnitCode the escalation unit, on {@code SubmissionDue}
 * @param occurredAt when it happened
 */
record SubmissionEvent(String eventId, Kind kind, String submissionId, String unitCode, String planId, String periodId,
		PeriodType periodType, @Nullable LocalDate dueDate, @Nullable String receiverUnitCode,
		@Nullable String escalationUnitCode, Instant occurredAt) {

	enum Kind {

		/** Reminders start (or follow a moved due date). */
		DUE,

		/** The report is in: reminders stop. */
		SUBMITTED,

		/** The report is accepted: reminders stay stopped. */
		APPROVED,

		/** The report was sent back for fixes: reminders start again. */
		RETURNED,

		/** The due date passed: the schedule already holds the late reminders. */
		OVERDUE

	}

}
