package vn.gov.cchc.plan.ingest;

import java.net.URI;

import vn.gov.cchc.events.CloudEvent;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ProgressCorrected;
import vn.gov.cchc.events.ProgressRecorded;
import vn.gov.cchc.events.ProgressRetracted;

/**
 * The event an accepted report becomes on {@code cchc.progress}: the CloudEvent id is the
 * report's {@code eventId}, its time the {@code recordedAt} of the receipt, its subject
 * the unit code (also the record key), so every retry of a report publishes the very same
 * event.
 */
final class ProgressEvents {

	static final URI SOURCE = URI.create("/cchc/plan-service");

	private ProgressEvents() {
	}

	/**
	 * @param receipt the report's receipt: when it was first accepted and, for a
	 * retraction, the plan, activity and day of the withdrawn report
	 */
	static CloudEvent<?> of(ValidProgress progress, ProgressReceipt receipt) {
		return switch (progress.kind()) {
			case RECORDED -> event(progress, receipt, EventTypes.PROGRESS_RECORDED_V1,
					new ProgressRecorded(progress.eventId(), progress.unitCode(), progress.planId(),
							progress.activityId(), progress.date(), progress.quantities(), links(progress),
							progress.budgetSpentVnd(), progress.reporter(), receipt.recordedAt(), progress.note()));
			case CORRECTION -> event(progress, receipt, EventTypes.PROGRESS_CORRECTED_V1,
					new ProgressCorrected(progress.eventId(), progress.refersTo(), progress.unitCode(),
							progress.planId(), progress.activityId(), progress.date(), progress.quantities(),
							links(progress), progress.budgetSpentVnd(), progress.reporter(), progress.note(),
							receipt.recordedAt()));
			case RETRACTION -> event(progress, receipt, EventTypes.PROGRESS_RETRACTED_V1,
					new ProgressRetracted(progress.eventId(), progress.refersTo(), progress.unitCode(),
							receipt.planId(), receipt.activityId(), receipt.date(), progress.reason(),
							progress.reporter(), progress.note(), receipt.recordedAt()));
		};
	}

	private static CloudEvent<?> event(ValidProgress progress, ProgressReceipt receipt, String type, Object data) {
		return CloudEvent.of(progress.eventId(), SOURCE, type, progress.unitCode(), receipt.recordedAt(), data);
	}

	private static java.util.List<URI> links(ValidProgress progress) {
		return progress.evidence().stream().map(URI::create).toList();
	}

}
