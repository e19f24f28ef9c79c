package vn.gov.cchc.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One report a reminder message was about, and the rule that sent it.
 *
 * @param submissionId {@code <planId>:<periodId>:<unitCode>}
 * @param unitCode the unit that owes the report
 * @param periodId the period, e.g. {@code 2026-Q2}
 * @param rule the reminder rule, e.g. {@code D-3}, {@code ESC+3}
 * @param dueDate the report's due date when the reminder went
 */
public record RemindedReport(String submissionId, String unitCode, String periodId, String rule, LocalDate dueDate) {

	public RemindedReport {
		Objects.requireNonNull(submissionId, "submissionId");
		Objects.requireNonNull(unitCode, "unitCode");
		Objects.requireNonNull(periodId, "periodId");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(dueDate, "dueDate");
	}

}
