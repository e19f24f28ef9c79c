package vn.gov.cchc.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The unit submitted its report (or resubmitted it after a return).
 *
 * @param submissionId {@code <planId>:<periodId>:<unitCode>}, the aggregate id and the
 * record key
 * @param unitCode the reporting unit
 * @param planId the plan whose regime asks for the report
 * @param periodId the period, e.g. {@code 2022-H1}, {@code 2022-Y}
 * @param periodType the period's type
 * @param version 1 for the first submission, +1 for each resubmission
 * @param dueDate its due date
 * @param late whether it was submitted after the due date
 * @param submittedBy who submitted it
 * @param occurredAt when it happened
 */
public record SubmissionSubmitted(String submissionId, String unitCode, String planId, String periodId,
		PeriodType periodType, int version, LocalDate dueDate, boolean late, String submittedBy, Instant occurredAt) {

	public SubmissionSubmitted {
		Objects.requireNonNull(submissionId, "submissionId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(periodId, "periodId");
		Objects.requireNonNull(periodType, "periodType");
		Objects.requireNonNull(dueDate, "dueDate");
		Objects.requireNonNull(submittedBy, "submittedBy");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
