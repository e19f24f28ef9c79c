package vn.gov.cchc.notification.reminder;

/**
 * A provider did not take a message. A permanent failure (an address the provider
 * refuses, a message it rejects) is not retried on the same channel; a transient one (the
 * provider down, a timeout, a 5xx or 429 answer) is.
 */
public class DeliveryException extends RuntimeException {

	private final boolean permanent;

	public DeliveryException(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	public DeliveryException(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
	}

	public boolean permanent() {
		return this.permanent;
	}

}
