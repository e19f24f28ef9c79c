package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.LocalDate;

import vn.gov.cchc.events.PeriodType;

/**
 * One report a digest reminds of.
 *
 * @param submissionId {@code <planId>:<periodId>:<unitCode>}
 * @param unitCode the unit that owes the report (the recipient itself, except in an
 * escalation)
 * @param unitName that unit's official name
 * @param planId the plan whose regime asks for the report
 * @param periodId the period, e.g. {@code 2026-Q2}
 * @param periodType the period's type
 * @param dueDate the last day the report may be submitted on time
 * @param kind what the reminder says about it
 * @param daysToDue days from the send day to the due date, negative when late
 * @param link the report on the dashboard
 */
public record DigestItem(String submissionId, String unitCode, String unitName, String planId, String periodId,
		PeriodType periodType, LocalDate dueDate, ReminderKind kind, long daysToDue, URI link) {

}
