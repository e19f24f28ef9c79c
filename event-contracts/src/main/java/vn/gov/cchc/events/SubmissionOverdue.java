package vn.gov.cchc.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The due date passed without a submission: reminders escalate.
 *
 * @param submissionId {@code <planId>:<periodId>:<unitCode>}, the aggregate id and the
 * record key
 * @param unitCode the reporting unit
 * @param planId the plan whose regime asks for the report
 * @param periodId the period, e.g. {@code 2022-H1}, {@code 2022-Y}
 * @param periodType the period's type
 * @param dueDate the due date that passed
 * @param escalationUnitCode the unit to tell, the parent on the period's tree
 * @param occurredAt when it happened
 */
public record SubmissionOverdue(String submissionId, String unitCode, String planId, String periodId,
		PeriodType periodType, LocalDate dueDate, @Nullable String escalationUnitCode, Instant occurredAt) {

	public SubmissionOverdue {
		Objects.requireNonNull(submissionId, "submissionId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(periodId, "periodId");
		Objects.requireNonNull(periodType, "periodType");
		Objects.requireNonNull(dueDate, "dueDate");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
