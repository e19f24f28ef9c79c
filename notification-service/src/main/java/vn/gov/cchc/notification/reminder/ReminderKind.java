package vn.gov.cchc.notification.reminder;

/** What a reminder says about its report, which decides its wording. */
public enum ReminderKind {

	/** The report is due in some days. */
	BEFORE,

	/** The report is due today. */
	DUE_TODAY,

	/** The report is late; the message goes to the unit that owes it. */
	OVERDUE,

	/** The report is late; the message goes to the unit above, naming the late unit. */
	ESCALATION

}
