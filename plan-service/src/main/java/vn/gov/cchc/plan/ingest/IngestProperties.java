package vn.gov.cchc.plan.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of progress ingestion.
 *
 * @param maxBodyBytes the largest request body accepted, in bytes; a report is a few
 * hundred bytes, so 1 MiB leaves room for long evidence lists while keeping a runaway
 * client from filling memory
 */
@ConfigurationProperties("cchc.ingest")
record IngestProperties(@DefaultValue("1048576") long maxBodyBytes) {

}
