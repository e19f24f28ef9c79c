package vn.gov.cchc.notification.reminder;

import java.util.Optional;

import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.SubmissionApproved;
import vn.gov.cchc.events.SubmissionDue;
import vn.gov.cchc.events.SubmissionOverdue;
import vn.gov.cchc.events.SubmissionReturned;
import vn.gov.cchc.events.SubmissionSubmitted;
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.messaging.PoisonEventException;
import vn.gov.cchc.messaging.ReceivedCloudEvent;

import org.springframework.stereotype.Component;

/**
 * Reads a record value of the submissions topic: a structured-mode CloudEvent whose
 * {@code type} says how to read its {@code data}. Unknown JSON fields are ignored so that
 * report-service can add fields within a version; types this service has no use for
 * ({@code PeriodOpened}, newer versions) read as empty.
 */
@Component
class SubmissionEventReader {

	private final CloudEventJson json;

	SubmissionEventReader(CloudEventJson json) {
		this.json = json;
	}

	/**
	 * The submission event in the record, or empty when its type is not one the reminders
	 * use.
	 * @throws PoisonEventException if the record can never be read
	 */
	Optional<SubmissionEvent> read(byte[] value) {
		ReceivedCloudEvent envelope = this.json.read(value);
		String id = envelope.id();
		return switch (envelope.type()) {
			case EventTypes.SUBMISSION_DUE_V1 -> {
				SubmissionDue due = envelope.as(SubmissionDue.class).data();
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.DUE, due.submissionId(), due.unitCode(),
						due.planId(), due.periodId(), due.periodType(), due.dueDate(), due.receiverUnitCode(),
						due.escalationUnitCode(), due.occurredAt()));
			}
			case EventTypes.SUBMISSION_SUBMITTED_V1 -> {
				SubmissionSubmitted submitted = envelope.as(SubmissionSubmitted.class).data();
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.SUBMITTED, submitted.submissionId(),
						submitted.unitCode(), submitted.planId(), submitted.periodId(), submitted.periodType(), null,
						null, null, submitted.occurredAt()));
			}
			case EventTypes.SUBMISSION_APPROVED_V1 -> {
				SubmissionApproved approved = envelope.as(SubmissionApproved.class).data();
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.APPROVED, approved.submissionId(),
						approved.unitCode(), approved.planId(), approved.periodId(), approved.periodType(), null, null,
						null, approved.occurredAt()));
			}
			case EventTypes.SUBMISSION_RETURNED_V1 -> {
				SubmissionReturned returned = envelope.as(SubmissionReturned.class).data();
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.RETURNED, returned.submissionId(),
						returned.unitCode(), returned.planId(), returned.periodId(), returned.periodType(), null, null,
						null, returned.occurredAt()));
			}
			case EventTypes.SUBMISSION_OVERDUE_V1 -> {
				SubmissionOverdue overdue = envelope.as(SubmissionOverdue.class).data();
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.OVERDUE, overdue.submissionId(),
						overdue.unitCode(), overdue.planId(), overdue.periodId(), overdue.periodType(),
						overdue.dueDate(), null, overdue.escalationUnitCode(), overdue.occurredAt()));
			}
			default -> Optional.empty();
		};
	}

}
