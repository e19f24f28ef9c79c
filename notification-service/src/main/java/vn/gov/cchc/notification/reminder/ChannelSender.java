package vn.gov.cchc.notification.reminder;

/**
 * Sends digests on one channel to its provider. Implementations make one attempt per
 * call: retries, the circuit breaker, rate limiting and the bulkhead are applied around
 * them by the dispatcher, with one named Resilience4j instance per channel.
 */
public interface ChannelSender {

	/** The channel this sender serves. */
	Channel channel();

	/**
	 * Sends the digest once.
	 * @return the provider's reference for the message
	 * @throws DeliveryException when the provider refused it or could not be reached;
	 * {@link DeliveryException#permanent()} says whether trying again can help, and
	 * {@link DeliveryException#inDoubt()} that it may have taken it after all
	 */
	String send(Digest digest) throws DeliveryException;

	/**
	 * Whether a message for this delivery id reached the provider earlier, for a delivery
	 * whose outcome was lost (the process died between sending and recording, or the
	 * provider's answer never came).
	 */
	Lookup lookup(String deliveryId);

	/** What the provider knows about an earlier message. */
	enum Lookup {

		/** The provider has it: it was sent. */
		FOUND,

		/** The provider has no such message: it was not sent. */
		NOT_FOUND,

		/** The provider cannot tell now (unreachable, no way to ask): ask again later. */
		UNKNOWN

	}

}
