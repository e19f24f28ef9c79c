package vn.gov.cchc.report.submission;

import java.net.URI;

import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PeriodOpened;
import vn.gov.cchc.events.SubmissionApproved;
import vn.gov.cchc.events.SubmissionDue;
import vn.gov.cchc.events.SubmissionOverdue;
import vn.gov.cchc.events.SubmissionReturned;
import vn.gov.cchc.events.SubmissionSubmitted;
import vn.gov.cchc.outbox.OutboxEvent;

/**
 * The events of {@code cchc.submissions}, made into outbox events: each gets a fresh
 * CloudEvent id here, once, so that every re-send of the event carries the same id. The
 * key is the submission id (the plan id for {@code PeriodOpened}), so that a submission's
 * events stay on one partition in order.
 */
final class SubmissionEvents {

	static final URI SOURCE = URI.create("/cchc/report-service");

	private SubmissionEvents() {
	}

	static OutboxEvent periodOpened(PeriodOpened event) {
		return OutboxEvent.announcing(SOURCE, EventTypes.PERIOD_OPENED_V1, event.planId(), event.occurredAt(), event);
	}

	static OutboxEvent due(SubmissionDue event) {
		return OutboxEvent.announcing(SOURCE, EventTypes.SUBMISSION_DUE_V1, event.submissionId(), event.occurredAt(),
				event);
	}

	static OutboxEvent submitted(SubmissionSubmitted event) {
		return OutboxEvent.announcing(SOURCE, EventTypes.SUBMISSION_SUBMITTED_V1, event.submissionId(),
				event.occurredAt(), event);
	}

	static OutboxEvent returned(SubmissionReturned event) {
		return OutboxEvent.announcing(SOURCE, EventTypes.SUBMISSION_RETURNED_V1, event.submissionId(),
				event.occurredAt(), event);
	}

	static OutboxEvent approved(SubmissionApproved event) {
		return OutboxEvent.announcing(SOURCE, EventTypes.SUBMISSION_APPROVED_V1, event.submissionId(),
				event.occurredAt(), event);
	}

	static OutboxEvent overdue(SubmissionOverdue event) {
		return OutboxEvent.announcing(SOURCE, EventTypes.SUBMISSION_OVERDUE_V1, event.submissionId(),
				event.occurredAt(), event);
	}

}
