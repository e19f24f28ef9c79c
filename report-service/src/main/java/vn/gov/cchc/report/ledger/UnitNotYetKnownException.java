package vn.gov.cchc.report.ledger;

/**
 * A fact names a unit (or has an ancestor) whose registration has not reached this
 * service yet. Retryable: the binder tries again with back-off, and dead-letters the fact
 * only if the unit is still unknown after the last attempt.
 */
public class UnitNotYetKnownException extends RuntimeException {

	public UnitNotYetKnownException(String unitCode, String eventId) {
		super("Unit " + unitCode + " of fact " + eventId + " is not known (yet)");
	}

}
