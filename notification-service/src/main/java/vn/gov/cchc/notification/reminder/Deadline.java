package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PeriodType;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A report a unit owes, as the submission events on {@code cchc.submissions} leave it:
 * when it is due and whether it is still open (not submitted, or returned for fixes).
 *
 * @param submissionId {@code <planId>:<periodId>:<unitCode>}, the document id
 * @param unitCode the unit that owes it
 * @param planId the plan whose regime asks for it
 * @param periodId the period
 * @param periodType the period's type, which picks the reminder rules
 * @param dueDate the due date, absent until the {@code SubmissionDue} event is seen
 * @param receiverUnitCode the unit that approves it
 * @param escalationUnitCode the unit told when it is late
 * @param open whether reminders are wanted: due and not submitted, or returned
 * @param learnedAt when this service first heard of the report; rules whose time had
 * passed by then are not sent late, except the latest one
 * @param appliedEvents ids of the events applied, so that a redelivered one changes
 * nothing
 * @param version how many events were applied: every update names the version it read
 */
@Document("deadlines")
record Deadline(@Id String submissionId, String unitCode, String planId, String periodId, PeriodType periodType,
		@Nullable LocalDate dueDate, @Nullable String receiverUnitCode, @Nullable String escalationUnitCode,
		boolean open, Instant learnedAt, List<String> appliedEvents, long version) {

	/** The unit an escalation goes to: the escalation unit, else the receiver. */
	@Nullable String escalationTarget() {
		return (this.escalationUnitCode != null) ? this.escalationUnitCode : this.receiverUnitCode;
	}

}
