package vn.gov.cchc.notification.contact;

/**
 * A record on the units topic that can never be applied however often it is retried: not
 * JSON, not a CloudEvent, or a known type whose data breaks the contract. The binder
 * sends it to the dead-letter topic without retrying.
 */
public class UnreadableUnitEventException extends RuntimeException {

	UnreadableUnitEventException(String message, Throwable cause) {
		super(message, cause);
	}

	UnreadableUnitEventException(String message) {
		super(message);
	}

}
