package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.ReminderFailed;
import vn.gov.cchc.events.ReminderSent;
import vn.gov.cchc.outbox.OutboxEvent;

/**
 * The events of {@code cchc.notifications}, made into outbox entries: each gets its
 * CloudEvent id here, once, so that every re-send of the entry carries the same id. The
 * key is the recipient's unit code.
 */
final class ReminderEvents {

	static final URI SOURCE = URI.create("/cchc/notification-service");

	private ReminderEvents() {
	}

	static OutboxEvent sent(Delivery delivery, String providerReference, int attempts, Instant at) {
		Channel fallbackFor = delivery.fallbackFor();
		ReminderSent event = new ReminderSent(delivery.id(), delivery.recipientUnitCode(), delivery.channel().name(),
				delivery.reports(), providerReference, Math.max(1, attempts),
				(fallbackFor != null) ? fallbackFor.name() : null, at);
		return OutboxEvent.announcing(SOURCE, EventTypes.REMINDER_SENT_V1, delivery.recipientUnitCode(), at, event);
	}

	static OutboxEvent failed(Delivery delivery, String reason, boolean permanent, int attempts,
			@Nullable Channel fallbackChannel, @Nullable Instant retryAt, Instant at) {
		ReminderFailed event = new ReminderFailed(delivery.id(), delivery.recipientUnitCode(),
				delivery.channel().name(), delivery.reports(), reason, permanent, attempts,
				(fallbackChannel != null) ? fallbackChannel.name() : null, retryAt, at);
		return OutboxEvent.announcing(SOURCE, EventTypes.REMINDER_FAILED_V1, delivery.recipientUnitCode(), at, event);
	}

}
