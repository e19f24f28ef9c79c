package vn.gov.cchc.report.submission;

/**
 * Where a submission is in its life: {@code DRAFT → SUBMITTED → (RETURNED → SUBMITTED)* →
 * APPROVED}. Being overdue is not a status but a mark on a draft: the unit can still
 * submit, late.
 */
public enum SubmissionStatus {

	DRAFT("Dự thảo"), SUBMITTED("Đã nộp"), RETURNED("Bị trả lại"), APPROVED("Đã duyệt");

	private final String label;

	SubmissionStatus(String label) {
		this.label = label;
	}

	/** The status as officers read it. */
	public String label() {
		return this.label;
	}

}
