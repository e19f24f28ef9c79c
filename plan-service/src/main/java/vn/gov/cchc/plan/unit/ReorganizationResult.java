package vn.gov.cchc.plan.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * What a merge or split published.
 *
 * @param predecessorCodes the units that ended
 * @param successorCodes the units that took them over
 * @param effectiveOn the successors' first day
 * @param registered successors that were new ({@code UnitRegistered})
 * @param changed predecessors whose state changed ({@code UnitChanged})
 * @param unchanged units already in the state the reorganisation gives them (a request
 * sent again)
 */
record ReorganizationResult(List<String> predecessorCodes, List<String> successorCodes, LocalDate effectiveOn,
		int registered, int changed, int unchanged) {

}
