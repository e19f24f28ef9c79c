package vn.gov.cchc.messaging;

/**
 * A record that can never be processed, however often it is retried: not JSON, not a
 * CloudEvent, or data that breaks its type's contract. Bindings declare it not retryable
 * so the record goes straight to the dead-letter topic and the partition moves on.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
