package vn.gov.cchc.report.submission;

/**
 * An event waiting in a document's outbox ({@code pending}): written in the same
 * single-document update as the change it reports, sent by {@link SubmissionOutboxRelay},
 * then removed by its id.
 *
 * @param eventId the CloudEvent id, which consumers dedupe by
 * @param type the CloudEvent type
 * @param key the record key (the submission id, or the plan id for {@code PeriodOpened})
 * @param cloudEvent the whole CloudEvent as structured JSON, exactly as it is sent
 */
public record PendingEvent(String eventId, String type, String key, String cloudEvent) {

}
