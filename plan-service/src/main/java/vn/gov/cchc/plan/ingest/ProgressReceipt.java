package vn.gov.cchc.plan.ingest;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service remembers of an {@code eventId}: a claim in the receipt journal
 * ({@link ReceiptJournal}), or a document of {@code progress_receipts} written by earlier
 * versions. A receipt is written once and never replaced: corrections and retractions get
 * receipts of their own that point at the report they change, so the journal is the
 * history of what was accepted. That the broker has the event is added to the journal
 * later; {@code retractedBy} is not written at all but follows from the retraction's own
 * receipt when the journal is read.
 *
 * @param eventId the client's idempotency key, the document id
 * @param bodyHash SHA-256 of the canonical report, to tell a retry from a different
 * report that reuses the id
 * @param recordedAt when the report was first accepted, the {@code recordedAt} of its
 * event
 * @param status whether the broker has acknowledged the event
 * @param kind what the report was; absent in receipts written before corrections existed
 * @param unitCode the unit; absent in receipts written before corrections existed
 * @param planId the plan (of the retracted report, for a retraction)
 * @param activityId the activity (of the retracted report, for a retraction)
 * @param date the day (of the retracted report, for a retraction)
 * @param refersTo the corrected or retracted report's {@code eventId}
 * @param reporter who reported, as sent
 * @param note the note, as sent
 * @param retractedBy the {@code eventId} of the retraction that withdrew this report
 */
@Document(ProgressReceipts.LEGACY_COLLECTION)
record ProgressReceipt(@Id String eventId, String bodyHash, Instant recordedAt, Status status,
		ValidProgress.@Nullable Kind kind, @Nullable String unitCode, @Nullable String planId,
		@Nullable String activityId, @Nullable LocalDate date, @Nullable String refersTo, @Nullable String reporter,
		@Nullable String note, @Nullable String retractedBy) {

	enum Status {

		/**
		 * The id is claimed and the event is being published, or was when the process
		 * died or the broker failed to answer; a retry of the same report publishes it
		 * again.
		 */
		PENDING,

		/** The broker acknowledged the event. */
		RECORDED

	}

	/**
	 * A claim on the report's id before its event is published.
	 * @param original the report a retraction withdraws, whose plan, activity and day the
	 * retraction carries
	 */
	static ProgressReceipt pending(ValidProgress progress, Instant recordedAt, @Nullable ProgressReceipt original) {
		boolean retraction = progress.kind() == ValidProgress.Kind.RETRACTION && original != null;
		return new ProgressReceipt(progress.eventId(), progress.bodyHash(), recordedAt, Status.PENDING, progress.kind(),
				progress.unitCode(), retraction ? original.planId() : progress.planId(),
				retraction ? original.activityId() : progress.activityId(),
				retraction ? original.date() : progress.date(), progress.refersTo(), progress.reporter(),
				progress.note(), null);
	}

	boolean isRecorded() {
		return this.status == Status.RECORDED;
	}

	/** Whether this is a report of its own, not a correction or a retraction of one. */
	boolean isOriginal() {
		return this.kind == ValidProgress.Kind.RECORDED;
	}

	ProgressReceipt retractedBy(@Nullable String retractionEventId) {
		return new ProgressReceipt(this.eventId, this.bodyHash, this.recordedAt, this.status, this.kind, this.unitCode,
				this.planId, this.activityId, this.date, this.refersTo, this.reporter, this.note, retractionEventId);
	}

	ProgressReceipt recorded() {
		return new ProgressReceipt(this.eventId, this.bodyHash, this.recordedAt, Status.RECORDED, this.kind,
				this.unitCode, this.planId, this.activityId, this.date, this.refersTo, this.reporter, this.note,
				this.retractedBy);
	}

}
