package vn.gov.cchc.plan.cloudevent;

/**
 * The broker did not acknowledge an event in time (or refused it): the event may or may
 * not have been written, so the caller must treat its request as not done and may retry.
 */
public class PublishFailedException extends RuntimeException {

	public PublishFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
