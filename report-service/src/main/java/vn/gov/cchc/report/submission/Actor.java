package vn.gov.cchc.report.submission;

/**
 * The person behind a request, as the gateway authenticated and forwarded them.
 *
 * @param user the person's login or name ({@code X-CCHC-User})
 * @param unitCode the unit they act for ({@code X-CCHC-Unit})
 */
public record Actor(String user, String unitCode) {

	public static final String USER_HEADER = "X-CCHC-User";

	public static final String UNIT_HEADER = "X-CCHC-Unit";

}
