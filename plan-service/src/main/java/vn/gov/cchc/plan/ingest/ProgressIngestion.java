package vn.gov.cchc.plan.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.plan.cloudevent.CloudEventPublisher;
import vn.gov.cchc.web.FieldError;
import vn.gov.cchc.web.ProblemException;
import vn.gov.cchc.web.Problems;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * Accepts a progress report (a new one, a correction or a retraction) once per
 * {@code eventId}: the id is claimed before the event is published. Why it is safe to
 * retry: docs/ingestion.md, "Once per event id".
 */
@Service
class ProgressIngestion {

	static final String BINDING = "publishProgress-out-0";

	private static final Logger logger = LoggerFactory.getLogger(ProgressIngestion.class);

	private final ProgressRequestValidator validator;

	private final PlanConformance conformance;

	private final ProgressReceipts receipts;

	private final CloudEventPublisher publisher;

	private final Clock clock;

	private final Counter accepted;

	private final Counter duplicates;

	ProgressIngestion(ProgressRequestValidator validator, PlanConformance conformance, ProgressReceipts receipts,
			CloudEventPublisher publisher, Clock clock, MeterRegistry meters) {
		this.validator = validator;
		this.conformance = conformance;
		this.receipts = receipts;
		this.publisher = publisher;
		this.clock = clock;
		this.accepted = Counter.builder("cchc.ingest.accepted")
			.description("Progress reports published to cchc.progress")
			.register(meters);
		this.duplicates = Counter.builder("cchc.ingest.duplicates")
			.description("Retries of an already recorded report, answered without publishing")
			.register(meters);
	}

	/**
	 * Validates, decides and publishes one report, waiting for the broker.
	 * @throws ProblemException when the report is refused
	 * @throws vn.gov.cchc.plan.cloudevent.PublishFailedException when the broker did not
	 * acknowledge it
	 */
	ProgressAccepted ingest(ProgressRequest request) {
		ValidProgress progress = this.validator.validate(request);
		Decision decision = decide(progress, this.conformance.lookups(), new KnownReceipts(this.receipts));
		if (decision instanceof Decision.Duplicate duplicate) {
			return ProgressAccepted.of(duplicate.receipt());
		}
		Decision.Publish publish = (Decision.Publish) decision;
		if (publish.claimed()) {
			// The single store round trip of a report: its claim, in a group commit.
			this.receipts.persist(List.of(publish.receipt()));
		}
		else if (!this.receipts.awaitWritten(publish.receipt().eventId())) {
			throw new DataAccessResourceFailureException(
					"The claim of " + publish.receipt().eventId() + " could not be written");
		}
		this.publisher.publish(BINDING, progress.unitCode(), ProgressEvents.of(progress, publish.receipt()),
				ReceiptHeader.of(publish.receipt()));
		markRecorded(publish.receipt());
		return ProgressAccepted.of(publish.receipt());
	}

	/**
	 * What to do with a valid report: answer a retry of a recorded one again, or publish
	 * it (after claiming its id, or again while its claim is pending).
	 * @throws ProblemException when the report is refused; nothing is stored then
	 */
	Decision decide(ValidProgress progress, PlanConformance.Lookups lookups, KnownReceipts known) {
		var earlier = known.find(progress.eventId());
		if (earlier.isPresent()) {
			return again(progress, earlier.get(), known);
		}
		ProgressReceipt original = null;
		if (progress.kind() != ValidProgress.Kind.RECORDED) {
			original = original(progress, known);
		}
		if (progress.kind() != ValidProgress.Kind.RETRACTION) {
			this.conformance.check(progress, lookups);
		}
		// Stored with millisecond precision, so published with it: a retry answers the
		// same instant it was first given.
		Instant recordedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		ProgressReceipt claim = ProgressReceipt.pending(progress, recordedAt, original);
		if (!this.receipts.claim(claim)) {
			// A concurrent request claimed the id since we looked.
			return again(progress, known.refresh(progress.eventId()).orElseThrow(), known);
		}
		known.remember(claim);
		if (progress.kind() == ValidProgress.Kind.RETRACTION) {
			markRetracted(progress, claim);
		}
		return new Decision.Publish(progress, claim, true);
	}

	/** Answers a report whose {@code eventId} is already claimed. */
	private Decision again(ValidProgress progress, ProgressReceipt earlier, KnownReceipts known) {
		if (!earlier.bodyHash().equals(progress.bodyHash())) {
			throw new ProblemException(Problems.conflict("event-id-conflict", "Mã sự kiện đã được dùng",
					"Mã sự kiện này đã được dùng cho một báo cáo tiến độ có nội dung khác. "
							+ "Mỗi báo cáo mới cần một mã sự kiện mới.",
					List.of(new FieldError("eventId", "Mã sự kiện đã được dùng cho một nội dung khác."))));
		}
		if (earlier.isRecorded()) {
			this.duplicates.increment();
			return new Decision.Duplicate(earlier);
		}
		// Pending: the request that claimed the id is still publishing, or died, or lost
		// the broker. Publishing the very same event again is safe (see the class
		// comment), and is the only way to be sure it was published.
		if (progress.kind() == ValidProgress.Kind.RETRACTION) {
			markRetracted(progress, earlier);
		}
		known.remember(earlier);
		return new Decision.Publish(progress, earlier, false);
	}

	/**
	 * The recorded report a correction or retraction points at.
	 * @throws ProblemException if there is none of this unit that can still be changed
	 */
	private ProgressReceipt original(ValidProgress progress, KnownReceipts known) {
		boolean correction = progress.kind() == ValidProgress.Kind.CORRECTION;
		String field = correction ? "correctsEventId" : "retractsEventId";
		String refersTo = progress.refersTo();
		ProgressReceipt original = known.find(refersTo)
			.orElseThrow(() -> new ProblemException(Problems.unprocessable("unknown-original", "Không có báo cáo gốc",
					"Không có báo cáo tiến độ nào mang mã " + refersTo + ".",
					List.of(new FieldError(field, "Không có báo cáo tiến độ nào mang mã này.")))));
		if (!original.isOriginal() || original.unitCode() == null) {
			throw new ProblemException(Problems.unprocessable("not-an-original", "Không phải báo cáo gốc",
					"Chỉ sửa hoặc rút lại được một báo cáo gốc, không phải một bản sửa hay bản rút lại.",
					List.of(new FieldError(field,
							"Mã này là của một bản sửa hoặc bản rút lại; hãy dùng mã của báo cáo gốc."))));
		}
		if (!original.unitCode().equals(progress.unitCode())) {
			throw new ProblemException(Problems.unprocessable("original-of-another-unit",
					"Báo cáo gốc thuộc đơn vị khác", "Một đơn vị chỉ sửa hoặc rút lại được báo cáo của chính mình.",
					List.of(new FieldError(field,
							"Báo cáo gốc thuộc đơn vị khác, không phải " + progress.unitCode() + "."))));
		}
		if (!original.isRecorded()) {
			throw new ProblemException(Problems.conflict("original-not-recorded", "Báo cáo gốc chưa được ghi nhận xong",
					"Báo cáo gốc chưa được xác nhận là đã ghi nhận; hãy gửi lại báo cáo gốc trước, rồi gửi lại yêu cầu này.",
					List.of(new FieldError(field, "Báo cáo gốc chưa được ghi nhận xong."))));
		}
		if (original.retractedBy() != null && !original.retractedBy().equals(progress.eventId())) {
			throw alreadyRetracted(field);
		}
		List<FieldError> mismatches = new ArrayList<>();
		if (progress.planId() != null && !progress.planId().equals(original.planId())) {
			mismatches.add(new FieldError("planId", "Phải là kế hoạch của báo cáo gốc (" + original.planId() + ")."));
		}
		if (progress.activityId() != null && !progress.activityId().equals(original.activityId())) {
			mismatches.add(
					new FieldError("activityId", "Phải là hoạt động của báo cáo gốc (" + original.activityId() + ")."));
		}
		if (!mismatches.isEmpty()) {
			throw new ProblemException(Problems.unprocessable("original-mismatch", "Không khớp với báo cáo gốc",
					"Bản sửa hoặc bản rút lại phải cùng đơn vị, kế hoạch và hoạt động với báo cáo gốc.", mismatches));
		}
		return original;
	}

	/**
	 * Marks the retracted report, before the retraction is published: a second retraction
	 * of it then fails here without publishing. Losing the mark means the claim was never
	 * published (the mark always comes first), so it is released.
	 */
	private void markRetracted(ValidProgress retraction, ProgressReceipt claim) {
		if (!this.receipts.markRetracted(retraction.refersTo(), retraction.eventId())) {
			this.receipts.release(claim);
			throw alreadyRetracted("retractsEventId");
		}
	}

	private static ProblemException alreadyRetracted(String field) {
		return new ProblemException(Problems.conflict("already-retracted", "Báo cáo đã bị rút lại",
				"Báo cáo gốc đã bị rút lại; không thể sửa hay rút lại nó thêm lần nữa.",
				List.of(new FieldError(field, "Báo cáo này đã bị rút lại."))));
	}

	void markRecorded(ProgressReceipt receipt) {
		this.accepted.increment();
		try {
			this.receipts.markRecorded(receipt);
		}
		catch (DataAccessException ex) {
			// The broker has the event, so the report is accepted; the pending receipt
			// only means that a retry publishes it once more, which report-service
			// absorbs.
			logger.warn("Event {} is published but its receipt could not be marked recorded", receipt.eventId(), ex);
		}
	}

	/** Counts reports of a batch the broker acknowledged. */
	void countAccepted(int count) {
		this.accepted.increment(count);
	}

	/** What {@link #decide} chose. */
	sealed interface Decision {

		/** A retry of a recorded report: answered again, nothing published. */
		record Duplicate(ProgressReceipt receipt) implements Decision {

		}

		/**
		 * To publish, with the receipt that claims its id.
		 *
		 * @param claimed whether the claim is new, made in memory only, and must be
		 * {@linkplain ProgressReceipts#persist written} before the event is published
		 */
		record Publish(ValidProgress progress, ProgressReceipt receipt, boolean claimed) implements Decision {

		}

	}

}
