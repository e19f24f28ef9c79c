package vn.gov.cchc.notification.reminder;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.SubmissionApproved;
import vn.gov.cchc.events.SubmissionDue;
import vn.gov.cchc.events.SubmissionOverdue;
import vn.gov.cchc.events.SubmissionReturned;
import vn.gov.cchc.events.SubmissionSubmitted;

import org.springframework.stereotype.Component;

/**
 * Reads a record value of the submissions topic: a structured-mode CloudEvent whose
 * {@code type} says how to read its {@code data}. Unknown JSON fields are ignored so that
 * report-service can add fields within a version; types this service has no use for
 * ({@code PeriodOpened}, newer versions) read as empty.
 */
@Component
class SubmissionEventReader {

	private final JsonMapper json;

	private final JavaType envelopeType;

	SubmissionEventReader(JsonMapper json) {
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.envelopeType = this.json.getTypeFactory().constructParametricType(CloudEvent.class, JsonNode.class);
	}

	/**
	 * The submission event in the record, or empty when its type is not one the reminders
	 * use.
	 * @throws UnreadableSubmissionEventException if the record can never be read
	 */
	Optional<SubmissionEvent> read(byte[] value) {
		CloudEvent<JsonNode> envelope = envelope(value);
		String id = envelope.id();
		return switch (envelope.type()) {
			case EventTypes.SUBMISSION_DUE_V1 -> {
				SubmissionDue due = data(envelope, SubmissionDue.class);
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.DUE, due.submissionId(), due.unitCode(),
						due.planId(), due.periodId(), due.periodType(), due.dueDate(), due.receiverUnitCode(),
						due.escalationUnitCode(), due.occurredAt()));
			}
			case EventTypes.SUBMISSION_SUBMITTED_V1 -> {
				SubmissionSubmitted submitted = data(envelope, SubmissionSubmitted.class);
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.SUBMITTED, submitted.submissionId(),
						submitted.unitCode(), submitted.planId(), submitted.periodId(), submitted.periodType(), null,
						null, null, submitted.occurredAt()));
			}
			case EventTypes.SUBMISSION_APPROVED_V1 -> {
				SubmissionApproved approved = data(envelope, SubmissionApproved.class);
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.APPROVED, approved.submissionId(),
						approved.unitCode(), approved.planId(), approved.periodId(), approved.periodType(), null, null,
						null, approved.occurredAt()));
			}
			case EventTypes.SUBMISSION_RETURNED_V1 -> {
				SubmissionReturned returned = data(envelope, SubmissionReturned.class);
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.RETURNED, returned.submissionId(),
						returned.unitCode(), returned.planId(), returned.periodId(), returned.periodType(), null, null,
						null, returned.occurredAt()));
			}
			case EventTypes.SUBMISSION_OVERDUE_V1 -> {
				SubmissionOverdue overdue = data(envelope, SubmissionOverdue.class);
				yield Optional.of(new SubmissionEvent(id, SubmissionEvent.Kind.OVERDUE, overdue.submissionId(),
						overdue.unitCode(), overdue.planId(), overdue.periodId(), overdue.periodType(),
						overdue.dueDate(), null, overdue.escalationUnitCode(), overdue.occurredAt()));
			}
			default -> Optional.empty();
		};
	}

	private CloudEvent<JsonNode> envelope(byte[] value) {
		try {
			CloudEvent<JsonNode> envelope = this.json.readValue(value, this.envelopeType);
			if (envelope == null) {
				throw new UnreadableSubmissionEventException("Record value is JSON null, not a CloudEvent");
			}
			return envelope;
		}
		catch (JacksonException ex) {
			throw new UnreadableSubmissionEventException("Record value is not a CloudEvent: " + ex.getOriginalMessage(),
					ex);
		}
	}

	private <T> T data(CloudEvent<JsonNode> envelope, Class<T> type) {
		try {
			T data = this.json.treeToValue(envelope.data(), type);
			if (data == null) {
				throw new UnreadableSubmissionEventException(
						"Event " + envelope.id() + " of type " + envelope.type() + " has no data");
			}
			return data;
		}
		catch (JacksonException | NullPointerException ex) {
			throw new UnreadableSubmissionEventException("Event " + envelope.id() + " of type " + envelope.type()
					+ " does not match its contract: " + ex.getMessage(), ex);
		}
	}

}
