package vn.gov.cchc.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The receiving unit returned the report with a comment; the unit fixes and resubmits it.
 *
 * @param submissionId {@code <planId>:<periodId>:<unitCode>}, the aggregate id and the
 * record key
 * @param unitCode the reporting unit
 * @param planId the plan whose regime asks for the report
 * @param periodId the period, e.g. {@code 2022-H1}, {@code 2022-Y}
 * @param periodType the period's type
 * @param version the version returned
 * @param returnedBy who returned it
 * @param comment why, in the reviewer's words
 * @param occurredAt when it happened
 */
public record SubmissionReturned(String submissionId, String unitCode, String planId, String periodId,
		PeriodType periodType, int version, String returnedBy, String comment, Instant occurredAt) {

	public SubmissionReturned {
		Objects.requireNonNull(submissionId, "submissionId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(periodId, "periodId");
		Objects.requireNonNull(periodType, "periodType");
		Objects.requireNonNull(returnedBy, "returnedBy");
		Objects.requireNonNull(comment, "comment");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
