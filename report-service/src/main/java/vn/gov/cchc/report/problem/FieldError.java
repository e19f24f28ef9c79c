package vn.gov.cchc.report.problem;

/**
 * One offending field of a request.
 *
 * @param field its JSON path or parameter name
 * @param message what is wrong with it, in Vietnamese
 */
public record FieldError(String field, String message) {

}
