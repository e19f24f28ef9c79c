package vn.gov.cchc.plan.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of progress ingestion.
 *
 * @param maxBodyBytes the largest request body accepted for one report, in bytes; a
 * report is a few hundred bytes, so 1 MiB leaves room for long evidence lists while
 * keeping a runaway client from filling memory
 * @param maxBatchBodyBytes the largest body of {@code POST /api/v1/progress:batch}: a
 * full batch of typical reports with a few evidence links each is 1–3 MiB, so 8 MiB
 * leaves room without letting one request hold much more memory than a batch needs
 * @param maxBatchReports the most reports one batch may hold
 */
@ConfigurationProperties("cchc.ingest")
record IngestProperties(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue("8388608") long maxBatchBodyBytes,
		@DefaultValue("1000") int maxBatchReports) {

}
