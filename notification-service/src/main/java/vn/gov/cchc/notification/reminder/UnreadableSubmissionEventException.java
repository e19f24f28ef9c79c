package vn.gov.cchc.notification.reminder;

/**
 * A record on the submissions topic that can never be applied however often it is
 * retried: not JSON, not a CloudEvent, or a known type whose data breaks the contract.
 * The binder sends it to the dead-letter topic without retrying.
 */
public class UnreadableSubmissionEventException extends RuntimeException {

	UnreadableSubmissionEventException(String message, Throwable cause) {
		super(message, cause);
	}

	UnreadableSubmissionEventException(String message) {
		super(message);
	}

}
