package vn.gov.cchc.report.submission;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import vn.gov.cchc.outbox.OutboxEvent;

/**
 * A reporting round: a plan's period whose cut-off passed and whose drafts were made.
 * Written after all its submissions, so that a round that exists is complete; its
 * {@code _id} makes opening idempotent across instances.
 *
 * @param id {@code <planId>:<periodId>}
 * @param planId the plan
 * @param periodId the period
 * @param submissionIds every submission of the round
 * @param openedAt when it opened
 * @param openedBy who opened it ({@link AuditEntry#SYSTEM} for the scheduled job)
 * @param settledAt when every due date had passed and the overdue ones were marked
 * @param pending its {@code PeriodOpened} until sent
 */
record Round(@JsonProperty("_id") String id, String planId, String periodId, List<String> submissionIds,
		Instant openedAt, String openedBy, @Nullable String settledAt, List<OutboxEvent> pending) {

	Round {
		submissionIds = List.copyOf(submissionIds);
		pending = (pending != null) ? List.copyOf(pending) : List.of();
	}

	static String id(String planId, String periodId) {
		return planId + ":" + periodId;
	}

}
