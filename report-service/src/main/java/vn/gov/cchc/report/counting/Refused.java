package vn.gov.cchc.report.counting;

/**
 * A record of {@code cchc.progress} that can never be counted (not a CloudEvent, figures
 * that break the contract, a correction of a report that was never counted), on its way
 * to {@code cchc.progress.dlq} as it came, with the reason in a header.
 *
 * @param value the record's value, unchanged
 * @param reason why it is refused
 */
record Refused(byte[] value, String reason) implements FactOutcome {

}
