package vn.gov.cchc.plan.cloudevent;

/**
 * A record that can never be processed, however often it is retried: not JSON, not a
 * CloudEvent, or data that does not fit its type. Bindings declare it not retryable so
 * the record goes straight to the dead-letter topic and the consumer moves on.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
