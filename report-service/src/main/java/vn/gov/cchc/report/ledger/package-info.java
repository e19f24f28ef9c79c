/**
 * The ledger of progress facts, read from {@code cchc.progress}, and the exactly-once
 * roll-up of each fact into the totals of its unit and every ancestor. See
 * {@link vn.gov.cchc.report.ledger.LedgerApplier} for how nothing is lost or counted
 * twice without transactions, and {@link vn.gov.cchc.report.ledger.TotalsRebuilder} for
 * how the totals are derived again from the ledger alone.
 */
@NullMarked
package vn.gov.cchc.report.ledger;

import org.jspecify.annotations.NullMarked;
