package vn.gov.cchc.notification.sms;

import vn.gov.cchc.notification.reminder.ChannelSender.Lookup;
import vn.gov.cchc.notification.reminder.DeliveryException;

/**
 * An SMS provider. Each call is one attempt: the dispatcher retries around it.
 */
public interface SmsGateway {

	/**
	 * Hands one message to the provider.
	 * @param reference the client reference the provider keeps with the message, so that
	 * it can be {@linkplain #lookup(String) looked up} again: the delivery id
	 * @param phone the recipient's mobile number as registered
	 * @param message the message
	 * @return the provider's id for the message
	 * @throws DeliveryException when the provider did not take it, permanent when trying
	 * again cannot help (a bad number, a rejected message, refused credentials)
	 */
	String send(String reference, String phone, SmsMessage message) throws DeliveryException;

	/** Whether the provider has a message with this client reference. */
	Lookup lookup(String reference);

}
