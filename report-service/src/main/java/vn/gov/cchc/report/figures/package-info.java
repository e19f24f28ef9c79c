/**
 * Figures per unit × plan × activity × day, summed into one document per unit, plan and
 * calendar month, kept exactly once by the ledger and rebuildable from it; and the
 * questions asked of them (a period's figures, a time series).
 */
@NullMarked
package vn.gov.cchc.report.figures;

import org.jspecify.annotations.NullMarked;
