package vn.gov.cchc.notification.reminder;

/** The ways a reminder reaches a unit. */
public enum Channel {

	EMAIL, SMS;

	/** The other channel, the one a reminder falls back to when this one fails. */
	public Channel other() {
		return (this == EMAIL) ? SMS : EMAIL;
	}

}
