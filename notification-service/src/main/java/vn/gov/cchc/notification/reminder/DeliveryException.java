package vn.gov.cchc.notification.reminder;

/**
 * A provider did not take a message, or cannot say whether it did. A permanent failure
 * (an address the provider refuses, a message it rejects) is not retried on the same
 * channel; a transient one (the provider down, a timeout, a 5xx or 429 answer) is. A
 * failure {@linkplain #inDoubt() in doubt} (the request went out, no answer came, and the
 * provider could not be asked) is neither retried nor handed to the other channel: the
 * provider is asked again later, as for a delivery whose instance died.
 */
public class DeliveryException extends RuntimeException {

	private final boolean permanent;

	private final boolean inDoubt;

	public DeliveryException(String message, boolean permanent, Throwable cause) {
		this(message, permanent, false, cause);
	}

	public DeliveryException(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
		this.inDoubt = false;
	}

	private DeliveryException(String message, boolean permanent, boolean inDoubt, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
		this.inDoubt = inDoubt;
	}

	/** The message may have reached the provider, and the provider could not tell. */
	public static DeliveryException inDoubt(String message, Throwable cause) {
		return new DeliveryException(message, false, true, cause);
	}

	public boolean permanent() {
		return this.permanent;
	}

	/**
	 * Whether the provider may have taken the message: sending it again could repeat it.
	 */
	public boolean inDoubt() {
		return this.inDoubt;
	}

	/** Whether sending again at once can help: neither permanent nor in doubt. */
	public boolean retryable() {
		return !this.permanent && !this.inDoubt;
	}

}
