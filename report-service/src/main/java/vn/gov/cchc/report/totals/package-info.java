/**
 * Roll-up totals per unit: the {@code totals} collection (one document per unit, kept
 * exactly once by the ledger and rebuildable from it) and its HTTP resource.
 */
@NullMarked
package vn.gov.cchc.report.totals;

import org.jspecify.annotations.NullMarked;
