package vn.gov.cchc.plan.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.plan.cloudevent.CloudEventPublisher;
import vn.gov.cchc.plan.problem.FieldError;
import vn.gov.cchc.plan.problem.ProblemException;
import vn.gov.cchc.plan.problem.Problems;
import vn.gov.cchc.plan.unit.Units;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Accepts a progress report once per {@code eventId}.
 *
 * <p>
 * The id is claimed in {@code progress_receipts} before the event is published, so that
 * two different reports racing for the same id cannot both reach the broker: the loser
 * gets 409 without having published anything. The claim is marked recorded once the
 * broker acknowledged the event.
 *
 * <p>
 * A claim that is not marked recorded stays pending: the process died after the broker
 * acknowledged the event, or the broker did not answer in time (503; the record may or
 * may not have been written). The client's retry with the same report then publishes the
 * same event (same id, same data, same {@code recordedAt}) again. That is safe:
 * report-service keeps one fact per {@code eventId}. A different report under a pending
 * id gets 409, since the first one may have reached the broker.
 */
@Service
class ProgressIngestion {

	static final String BINDING = "publishProgress-out-0";

	static final URI SOURCE = URI.create("/cchc/plan-service");

	private static final Logger logger = LoggerFactory.getLogger(ProgressIngestion.class);

	private final ProgressRequestValidator validator;

	private final ProgressReceipts receipts;

	private final Units units;

	private final CloudEventPublisher publisher;

	private final Clock clock;

	private final Counter accepted;

	private final Counter duplicates;

	ProgressIngestion(ProgressRequestValidator validator, ProgressReceipts receipts, Units units,
			CloudEventPublisher publisher, Clock clock, MeterRegistry meters) {
		this.validator = validator;
		this.receipts = receipts;
		this.units = units;
		this.publisher = publisher;
		this.clock = clock;
		this.accepted = Counter.builder("cchc.ingest.accepted")
			.description("Progress reports published to cchc.progress")
			.register(meters);
		this.duplicates = Counter.builder("cchc.ingest.duplicates")
			.description("Retries of an already recorded report, answered without publishing")
			.register(meters);
	}

	ProgressAccepted ingest(ProgressRequest request) {
		ValidProgress progress = this.validator.validate(request);
		String bodyHash = progress.bodyHash();
		var earlier = this.receipts.find(progress.eventId());
		if (earlier.isPresent()) {
			return answerAgain(progress, bodyHash, earlier.get());
		}
		requireUnitInForce(progress);
		// Stored with millisecond precision, so published with it: a retry answers the
		// same instant it was first given.
		Instant recordedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		ProgressReceipt claim = ProgressReceipt.pending(progress.eventId(), bodyHash, recordedAt);
		if (!this.receipts.claim(claim)) {
			// A concurrent request claimed the id since we looked.
			return answerAgain(progress, bodyHash, this.receipts.find(progress.eventId()).orElseThrow());
		}
		publish(progress, recordedAt);
		markRecorded(claim);
		this.accepted.increment();
		return ProgressAccepted.of(claim);
	}

	/** Answers a report whose {@code eventId} is already claimed. */
	private ProgressAccepted answerAgain(ValidProgress progress, String bodyHash, ProgressReceipt earlier) {
		if (!earlier.bodyHash().equals(bodyHash)) {
			throw new ProblemException(Problems.conflict("event-id-conflict", "Mã sự kiện đã được dùng",
					"Mã sự kiện này đã được dùng cho một báo cáo tiến độ có nội dung khác. "
							+ "Mỗi báo cáo mới cần một mã sự kiện mới.",
					List.of(new FieldError("eventId", "Mã sự kiện đã được dùng cho một nội dung khác."))));
		}
		if (earlier.isRecorded()) {
			this.duplicates.increment();
			return ProgressAccepted.of(earlier);
		}
		// Pending: the request that claimed the id is still publishing, or died, or lost
		// the broker. Publishing the very same event again is safe (see the class
		// comment), and is the only way to be sure it was published.
		publish(progress, earlier.recordedAt());
		markRecorded(earlier);
		this.accepted.increment();
		return ProgressAccepted.of(earlier);
	}

	private void requireUnitInForce(ValidProgress progress) {
		UnitDetails unit = this.units.find(progress.unitCode())
			.orElseThrow(() -> new ProblemException(Problems.unprocessable("unknown-unit", "Đơn vị không tồn tại",
					"Không có đơn vị nào mang mã " + progress.unitCode() + ".",
					List.of(new FieldError("unitCode", "Không có đơn vị nào mang mã này.")))));
		if (!unit.validOn(progress.date())) {
			throw new ProblemException(Problems.unprocessable("unit-not-in-force", "Đơn vị không còn hiệu lực",
					"Đơn vị " + unit.code() + " (" + unit.name() + ") không tồn tại vào ngày " + progress.date() + ".",
					List.of(new FieldError("unitCode", "Đơn vị không tồn tại vào ngày thực hiện (date)."))));
		}
	}

	private void publish(ValidProgress progress, Instant recordedAt) {
		this.publisher.publish(BINDING, progress.unitCode(), CloudEvent.of(progress.eventId(), SOURCE,
				EventTypes.PROGRESS_RECORDED_V1, progress.unitCode(), recordedAt, progress.recordedAt(recordedAt)));
	}

	private void markRecorded(ProgressReceipt receipt) {
		try {
			this.receipts.markRecorded(receipt);
		}
		catch (DataAccessException ex) {
			// The broker has the event, so the report is accepted; the pending receipt
			// only
			// means that a retry publishes it once more, which report-service absorbs.
			logger.warn("Event {} is published but its receipt could not be marked recorded", receipt.eventId(), ex);
		}
	}

}
