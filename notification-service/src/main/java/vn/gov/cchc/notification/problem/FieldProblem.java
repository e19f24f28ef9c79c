package vn.gov.cchc.notification.problem;

/**
 * One offending input of a request.
 *
 * @param field JSON path of the field, or the name of the path variable
 * @param message what is wrong with it, in Vietnamese
 */
public record FieldProblem(String field, String message) {

}
