package vn.gov.cchc.report.submission;

import vn.gov.cchc.events.UnitKind;

/**
 * A submission of a child unit, which the parent consolidates: the draft names them, the
 * status is read when the parent's submission is read.
 *
 * @param submissionId the child's submission
 * @param unitCode the child
 * @param unitName its name
 * @param unitKind its kind
 */
public record ChildSubmission(String submissionId, String unitCode, String unitName, UnitKind unitKind) {

}
