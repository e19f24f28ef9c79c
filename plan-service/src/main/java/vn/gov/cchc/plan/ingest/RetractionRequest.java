package vn.gov.cchc.plan.ingest;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/progress/{eventId}:retract}; the report to withdraw is
 * named by the path.
 *
 * @param eventId the retraction's own idempotency key; when absent one is derived from
 * the retracted report's id, so that sending the same retraction again is harmless
 * @param unitCode the unit whose report it is
 * @param reporter who withdraws it
 * @param reason why, as plain text
 * @param note what the reporter adds in words, as plain text
 */
record RetractionRequest(@Nullable String eventId, @Nullable String unitCode, @Nullable String reporter,
		@Nullable String reason, @Nullable String note) {

	ProgressRequest toProgressRequest(String retractsEventId) {
		String id = (this.eventId != null) ? this.eventId : ValidProgress.derivedRetractionId(retractsEventId);
		return new ProgressRequest(id, this.unitCode, null, null, null, null, null, null, this.reporter, this.note,
				null, retractsEventId, this.reason);
	}

}
