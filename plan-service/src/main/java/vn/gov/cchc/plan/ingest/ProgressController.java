package vn.gov.cchc.plan.ingest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress reports over HTTP.
 */
@RestController
class ProgressController {

	static final String PATH = "/api/v1/progress";

	private final ProgressIngestion ingestion;

	ProgressController(ProgressIngestion ingestion) {
		this.ingestion = ingestion;
	}

	/**
	 * 202 once the broker has the event: report-service counts it asynchronously.
	 */
	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ProgressAccepted> record(@RequestBody ProgressRequest request) {
		return ResponseEntity.accepted().body(this.ingestion.ingest(request));
	}

}
