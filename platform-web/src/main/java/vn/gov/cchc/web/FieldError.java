package vn.gov.cchc.web;

/**
 * One offending field of a request.
 *
 * @param field its JSON path in the request body, e.g. {@code quantities.minutes} or
 * {@code [2].parentCode}, the name of a query parameter, path variable or header, or
 * {@value #BODY} for the body as a whole
 * @param message what is wrong with it, in Vietnamese
 */
public record FieldError(String field, String message) {

	/** The field name used when the body as a whole is at fault. */
	public static final String BODY = "body";

}
