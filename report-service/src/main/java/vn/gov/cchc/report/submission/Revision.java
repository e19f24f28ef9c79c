package vn.gov.cchc.report.submission;

/**
 * Figures compiled beside a submitted or approved report after a fact arrived for its
 * period: the report itself keeps what was submitted, the revision shows what the figures
 * are now.
 *
 * @param figures the figures as compiled then (with {@code compiledAt})
 * @param changeId the written figures document that changed them (its id and version);
 * the same write seen again adds nothing
 * @param reason why it was compiled, in Vietnamese
 */
public record Revision(CompiledFigures figures, String changeId, String reason) {

	/** The reason of every revision compiled after a late fact. */
	public static final String LATE_FIGURES = "Có số liệu mới sau khi đã nộp/duyệt";

}
