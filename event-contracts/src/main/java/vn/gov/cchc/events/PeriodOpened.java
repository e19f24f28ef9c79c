package vn.gov.cchc.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A reporting round opened: the period's cut-off passed, its figures are compiled into
 * drafts and the units owing a report have been told ({@link SubmissionDue}).
 *
 * @param planId the plan whose regime asks for the reports
 * @param periodId the period, e.g. {@code 2022-H1}
 * @param periodType the period's type
 * @param start the first day of the period's data window
 * @param cutOff the last day of the period's data window
 * @param receiverUnitCode the unit the reports go to
 * @param expectedReports how many units owe a report for it
 * @param occurredAt when it opened
 */
public record PeriodOpened(String planId, String periodId, PeriodType periodType, LocalDate start, LocalDate cutOff,
		String receiverUnitCode, int expectedReports, Instant occurredAt) {

	public PeriodOpened {
		Objects.requireNonNull(planId, "planId");
		Objects.requireNonNull(periodId, "periodId");
		Objects.requireNonNull(periodType, "periodType");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(cutOff, "cutOff");
		Objects.requireNonNull(receiverUnitCode, "receiverUnitCode");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
