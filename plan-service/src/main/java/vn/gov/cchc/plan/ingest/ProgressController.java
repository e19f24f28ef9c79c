package vn.gov.cchc.plan.ingest;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.gov.cchc.security.Caller;
import vn.gov.cchc.security.WriteScope;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress reports over HTTP: one at a time, in batches, and withdrawn. A unit's officers
 * and its own system send them, each only for that unit: every report's {@code unitCode}
 * must be the token's unit, checked before anything is looked up, stored or published. A
 * batch with one report of another unit is refused whole. Progress pushed onto the Kafka
 * inbox carries no token; whoever may write to that topic is trusted like the unit it
 * names.
 */
@RestController
class ProgressController implements ProgressApi {

	private final ProgressIngestion ingestion;

	private final ProgressBatchIngestion batches;

	ProgressController(ProgressIngestion ingestion, ProgressBatchIngestion batches) {
		this.ingestion = ingestion;
		this.batches = batches;
	}

	@Override
	public ResponseEntity<ProgressAccepted> record(Caller caller, ProgressRequest request) {
		requireOwnUnit(caller, "unitCode", request.unitCode());
		return ResponseEntity.accepted().body(this.ingestion.ingest(request));
	}

	@Override
	public BatchResult batch(Caller caller, JsonNode reports) {
		if (reports.isArray()) {
			for (int i = 0; i < reports.size(); i++) {
				JsonNode unitCode = reports.get(i).get("unitCode");
				requireOwnUnit(caller, "[" + i + "].unitCode",
						(unitCode != null && unitCode.isString()) ? unitCode.asString() : null);
			}
		}
		return this.batches.ingest(reports);
	}

	@Override
	public ResponseEntity<ProgressAccepted> retract(String eventId, Caller caller, RetractionRequest retraction) {
		requireOwnUnit(caller, "unitCode", retraction.unitCode());
		return ResponseEntity.accepted().body(this.ingestion.ingest(retraction.toProgressRequest(eventId)));
	}

	/**
	 * Refuses with 403 a report of another unit than the token's. A report naming no
	 * unit, or a unit code that is not text, is left to validation, which refuses it with
	 * 400.
	 */
	private static void requireOwnUnit(Caller caller, String field, @Nullable String unitCode) {
		if (unitCode != null && !unitCode.isBlank()) {
			WriteScope.require(caller, field, unitCode);
		}
	}

}
