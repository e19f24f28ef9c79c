package vn.gov.cchc.report.submission;

/**
 * The sections the officer writes, in the order of the report template (Decree 09's
 * periodic report): I. results, II. shortcomings and causes, III. direction and tasks for
 * the next period, IV. proposals. Plain text; empty until written.
 *
 * @param results kết quả đạt được
 * @param shortcomings tồn tại, hạn chế và nguyên nhân
 * @param direction phương hướng, nhiệm vụ kỳ tới
 * @param proposals đề xuất, kiến nghị
 */
public record Narrative(String results, String shortcomings, String direction, String proposals) {

	/** Nothing written yet. */
	public static final Narrative EMPTY = new Narrative("", "", "", "");

	public Narrative {
		results = (results != null) ? results : "";
		shortcomings = (shortcomings != null) ? shortcomings : "";
		direction = (direction != null) ? direction : "";
		proposals = (proposals != null) ? proposals : "";
	}

}
