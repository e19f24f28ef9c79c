package vn.gov.cchc.gateway.problem;

/**
 * One offending input of a request.
 *
 * @param field JSON path of the field, or {@code body} for the request body as a whole
 * @param message what is wrong with it, in Vietnamese
 */
public record FieldProblem(String field, String message) {

}
