package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One message: everything one unit is reminded of at one send, on one channel.
 *
 * @param deliveryId the delivery's id, stable across retries of this message; channels
 * hand it to the provider (Message-ID, SMS reference) so that a message sent before a
 * crash can be found again
 * @param channel the channel it goes by
 * @param recipient who it goes to
 * @param language the language of the text ({@code vi} or {@code en})
 * @param items the reports, at least one, in due-date order
 * @param sendAt when it is sent, for the text ("as of")
 * @param dashboard the unit's page on the dashboard
 */
public record Digest(String deliveryId, Channel channel, Recipient recipient, Locale language, List<DigestItem> items,
		Instant sendAt, URI dashboard) {

	public Digest {
		items = List.copyOf(items);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("A digest reminds of at least one report");
		}
	}

}
