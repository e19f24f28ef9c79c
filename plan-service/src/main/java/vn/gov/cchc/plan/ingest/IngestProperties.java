package vn.gov.cchc.plan.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of progress ingestion. The cap on one report's body (1 MiB: a report is a few
 * hundred bytes, with room for long evidence lists) is every request's cap,
 * platform-web's {@code cchc.web.max-body-bytes}.
 *
 * @param maxBatchBodyBytes the largest body of {@code POST /api/v1/progress:batch}: a
 * full batch of typical reports with a few evidence links each is 1–3 MiB, so 8 MiB
 * leaves room without letting one request hold much more memory than a batch needs
 * @param maxBatchReports the most reports one batch may hold
 */
@ConfigurationProperties("cchc.ingest")
record IngestProperties(@DefaultValue("8388608") long maxBatchBodyBytes, @DefaultValue("1000") int maxBatchReports) {

}
