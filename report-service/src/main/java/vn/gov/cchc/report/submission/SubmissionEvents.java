package vn.gov.cchc.report.submission;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PeriodOpened;
import vn.gov.cchc.events.SubmissionApproved;
import vn.gov.cchc.events.SubmissionDue;
import vn.gov.cchc.events.SubmissionOverdue;
import vn.gov.cchc.events.SubmissionReturned;
import vn.gov.cchc.events.SubmissionSubmitted;

/**
 * The events of {@code cchc.submissions}, made into outbox entries: each gets a fresh
 * CloudEvent id here, once, so that every re-send of the entry carries the same id.
 */
final class SubmissionEvents {

	static final URI SOURCE = URI.create("/cchc/report-service");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SubmissionEvents() {
	}

	static PendingEvent periodOpened(PeriodOpened event) {
		return pending(EventTypes.PERIOD_OPENED_V1, event.planId(), event.occurredAt(), event);
	}

	static PendingEvent due(SubmissionDue event) {
		return pending(EventTypes.SUBMISSION_DUE_V1, event.submissionId(), event.occurredAt(), event);
	}

	static PendingEvent submitted(SubmissionSubmitted event) {
		return pending(EventTypes.SUBMISSION_SUBMITTED_V1, event.submissionId(), event.occurredAt(), event);
	}

	static PendingEvent returned(SubmissionReturned event) {
		return pending(EventTypes.SUBMISSION_RETURNED_V1, event.submissionId(), event.occurredAt(), event);
	}

	static PendingEvent approved(SubmissionApproved event) {
		return pending(EventTypes.SUBMISSION_APPROVED_V1, event.submissionId(), event.occurredAt(), event);
	}

	static PendingEvent overdue(SubmissionOverdue event) {
		return pending(EventTypes.SUBMISSION_OVERDUE_V1, event.submissionId(), event.occurredAt(), event);
	}

	private static PendingEvent pending(String type, String key, Instant time, Object data) {
		String eventId = UUID.randomUUID().toString();
		CloudEvent<Object> event = CloudEvent.of(eventId, SOURCE, type, key, time, data);
		return new PendingEvent(eventId, type, key, JSON.writeValueAsString(event));
	}

}
