package vn.gov.cchc.report.ledger;

import java.util.Map;

/**
 * What a rebuild of the totals did.
 *
 * @param ledgerEntries facts read from the ledger
 * @param totalsWritten totals documents written
 * @param totalsRemoved totals documents removed because no fact counts for their unit
 * @param figuresWritten figures documents (unit, plan, month) written
 * @param figuresRemoved figures documents removed because no fact counts for them
 * @param appliedOffsets per partition, the highest offset in the ledger, now the
 * {@code applied} position of every totals document
 */
public record RebuildResult(long ledgerEntries, int totalsWritten, long totalsRemoved, int figuresWritten,
		long figuresRemoved, Map<Integer, Long> appliedOffsets) {

	public RebuildResult {
		appliedOffsets = Map.copyOf(appliedOffsets);
	}

}
