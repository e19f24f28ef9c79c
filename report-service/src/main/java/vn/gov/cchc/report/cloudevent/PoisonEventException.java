package vn.gov.cchc.report.cloudevent;

/**
 * A record that can never be processed however often it is retried: not JSON, not a
 * CloudEvent, data that breaks the contract. The bindings list this type as not
 * retryable, so the binder sends the record to the dead-letter topic on the first failure
 * and the partition moves on.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
