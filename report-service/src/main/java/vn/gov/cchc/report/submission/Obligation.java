package vn.gov.cchc.report.submission;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.UnitDetails;
import vn.gov.cchc.report.period.Period;

/**
 * A unit owes a plan's report for a period.
 *
 * @param planId the plan
 * @param period the period
 * @param unit the unit, as it is known now
 * @param receiverUnitCode who approves or returns it
 * @param escalationUnitCode who is told when it is late (the same unit)
 * @param dueDate the last day it is on time
 */
public record Obligation(String planId, Period period, UnitDetails unit, String receiverUnitCode,
		@Nullable String escalationUnitCode, LocalDate dueDate) {

	/** {@code <planId>:<periodId>:<unitCode>}. */
	public String submissionId() {
		return submissionId(this.planId, this.period.id(), this.unit.code());
	}

	public static String submissionId(String planId, String periodId, String unitCode) {
		return planId + ":" + periodId + ":" + unitCode;
	}

}
