package vn.gov.cchc.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A unit owes a periodic report: published once per unit, period and due date when the
 * period's cut-off passes and the unit's draft is compiled. A due date that moves (a plan
 * amended) is a new event with the new date.
 *
 * @param submissionId {@code <planId>:<periodId>:<unitCode>}, the aggregate id and the
 * record key
 * @param unitCode the reporting unit
 * @param planId the plan whose regime asks for the report
 * @param periodId the period, e.g. {@code 2022-H1}, {@code 2022-Y}
 * @param periodType the period's type
 * @param cutOff the last day of the period's data window
 * @param dueDate the last day the report may be submitted on time
 * @param receiverUnitCode the unit that approves or returns it
 * @param escalationUnitCode the unit told when it is late (the parent on the period's
 * tree), absent at the top
 * @param occurredAt when it happened
 */
public record SubmissionDue(String submissionId, String unitCode, String planId, String periodId, PeriodType periodType,
		LocalDate cutOff, LocalDate dueDate, String receiverUnitCode, @Nullable String escalationUnitCode,
		Instant occurredAt) {

	public SubmissionDue {
		Objects.requireNonNull(submissionId, "submissionId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(periodId, "periodId");
		Objects.requireNonNull(periodType, "periodType");
		Objects.requireNonNull(cutOff, "cutOff");
		Objects.requireNonNull(dueDate, "dueDate");
		Objects.requireNonNull(receiverUnitCode, "receiverUnitCode");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
