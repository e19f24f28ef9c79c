package vn.gov.cchc.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A reminder message reached its provider (the SMTP server, the SMS gateway). Published
 * once per message on {@link Topics#NOTIFICATIONS}, keyed by the recipient's unit code.
 *
 * @param deliveryId the message's id in the delivery log
 * @param recipientUnitCode the unit it went to
 * @param channel {@code EMAIL} or {@code SMS}
 * @param reports the reports it reminded of (one digest, one message)
 * @param providerReference the provider's id for the message
 * @param attempts the attempts it took, counting the retries
 * @param fallbackFor the channel that failed and that this message stands in for, if any
 * @param occurredAt when the provider took it
 */
public record ReminderSent(String deliveryId, String recipientUnitCode, String channel, List<RemindedReport> reports,
		String providerReference, int attempts, @Nullable String fallbackFor, Instant occurredAt) {

	public ReminderSent {
		Objects.requireNonNull(deliveryId, "deliveryId");
		Objects.requireNonNull(recipientUnitCode, "recipientUnitCode");
		Objects.requireNonNull(channel, "channel");
		reports = List.copyOf(reports);
		Objects.requireNonNull(providerReference, "providerReference");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
