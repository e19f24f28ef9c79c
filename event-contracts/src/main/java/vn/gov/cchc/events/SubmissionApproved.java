package vn.gov.cchc.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The receiving unit approved the report: its figures are frozen from now on.
 *
 * @param submissionId {@code <planId>:<periodId>:<unitCode>}, the aggregate id and the
 * record key
 * @param unitCode the reporting unit
 * @param planId the plan whose regime asks for the report
 * @param periodId the period, e.g. {@code 2022-H1}, {@code 2022-Y}
 * @param periodType the period's type
 * @param version the version approved
 * @param approvedBy who approved it
 * @param occurredAt when it happened
 */
public record SubmissionApproved(String submissionId, String unitCode, String planId, String periodId,
		PeriodType periodType, int version, String approvedBy, Instant occurredAt) {

	public SubmissionApproved {
		Objects.requireNonNull(submissionId, "submissionId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(periodId, "periodId");
		Objects.requireNonNull(periodType, "periodType");
		Objects.requireNonNull(approvedBy, "approvedBy");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
