package vn.gov.cchc.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A reminder message could not go by its channel. The reminder is not dropped: it goes by
 * the other channel ({@code fallbackChannel}) or, when neither can take it now, it is
 * tried again later ({@code retryAt}). Published on {@link Topics#NOTIFICATIONS}, keyed
 * by the recipient's unit code.
 *
 * @param deliveryId the message's id in the delivery log
 * @param recipientUnitCode the unit it was for
 * @param channel {@code EMAIL} or {@code SMS}, the channel that failed
 * @param reports the reports it was about
 * @param reason what went wrong, for people
 * @param permanent whether the provider refused it for good (a bad address) rather than
 * for now
 * @param attempts the attempts made
 * @param fallbackChannel the channel the reminder goes by instead, if any
 * @param retryAt when it is tried again, if it is
 * @param occurredAt when the last attempt failed
 */
public record ReminderFailed(String deliveryId, String recipientUnitCode, String channel, List<RemindedReport> reports,
		String reason, boolean permanent, int attempts, @Nullable String fallbackChannel, @Nullable Instant retryAt,
		Instant occurredAt) {

	public ReminderFailed {
		Objects.requireNonNull(deliveryId, "deliveryId");
		Objects.requireNonNull(recipientUnitCode, "recipientUnitCode");
		Objects.requireNonNull(channel, "channel");
		reports = List.copyOf(reports);
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
