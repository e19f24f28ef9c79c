/**
 * Periodic submissions (báo cáo định kỳ): when a reporting period's cut-off passes, every
 * unit that owes the report gets a draft compiled from its figures and its children's
 * submissions; the unit writes the narrative and submits, the receiving unit approves or
 * returns it. Approved figures are frozen, later facts compile a revision beside them,
 * every transition is audited, and the lifecycle events reach {@code cchc.submissions}
 * through an outbox kept inside each document. Reporting rates (DHIS2's expected, actual,
 * on time) are counted from the same obligations.
 */
@NullMarked
package vn.gov.cchc.report.submission;

import org.jspecify.annotations.NullMarked;
