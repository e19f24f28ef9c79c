package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.events.RemindedReport;
import vn.gov.cchc.outbox.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message in the delivery log: a digest to one unit on one channel, every attempt to
 * send it and how it ended. The instance making it holds a lease on it; a delivery whose
 * lease ran out while it was being sent belongs to an instance that died, and another
 * instance asks the provider whether it went before deciding to send it.
 *
 * @param id the delivery id, handed to the provider as the message's reference
 * @param recipientUnitCode the unit it goes to
 * @param channel the channel
 * @param state where it is
 * @param owner the instance holding the lease
 * @param leaseUntil when the lease runs out
 * @param createdAt when it was made
 * @param items the reminders it carries
 * @param attempts every call to the provider and its outcome
 * @param providerReference the provider's id for it, once sent
 * @param sentAt when the provider took it
 * @param failure why it failed, when it did
 * @param fallbackChannel the channel that carries its reminders after it failed
 * @param retryAt when its reminders are tried again, if neither channel could take them
 * @param outbox events to publish on {@code cchc.notifications}, removed once published
 * (platform-outbox)
 */
@Document("deliveries")
record Delivery(@Id String id, String recipientUnitCode, Channel channel, State state, String owner, Instant leaseUntil,
		Instant createdAt, List<Item> items, List<Attempt> attempts, @Nullable String providerReference,
		@Nullable Instant sentAt, @Nullable String failure, @Nullable Channel fallbackChannel,
		@Nullable Instant retryAt, List<OutboxEvent> outbox) {

	/** Where a delivery is. */
	enum State {

		/** Taking its reminders; nothing has been sent. */
		PREPARING,

		/** Being sent; if its lease runs out, the outcome is in doubt. */
		SENDING,

		/** The provider took it. */
		SENT,

		/** The channel could not take it; its reminders went elsewhere or wait. */
		FAILED,

		/**
		 * In doubt for longer than the service waits: the provider never said whether it
		 * took it. An operator decides whether it reached the recipient or goes again.
		 */
		UNRESOLVED

	}

	/** Whether the message stands in for the other channel, for at least one reminder. */
	@Nullable Channel fallbackFor() {
		return this.items.stream().map(Item::fallbackFrom).filter((from) -> from != null).findFirst().orElse(null);
	}

	List<RemindedReport> reports() {
		return this.items.stream()
			.map((item) -> new RemindedReport(item.submissionId(), item.unitCode(), item.periodId(), item.rule(),
					item.dueDate()))
			.toList();
	}

	/**
	 * A reminder a delivery carries, copied from it when the delivery takes it.
	 *
	 * @param reminderId the reminder
	 * @param submissionId its report
	 * @param unitCode the unit that owes the report
	 * @param planId the report's plan
	 * @param periodId the report's period
	 * @param periodType the period's type
	 * @param dueDate the due date
	 * @param rule the rule
	 * @param kind what it says
	 * @param fallbackFrom the channel it stands in for, if any
	 */
	record Item(String reminderId, String submissionId, String unitCode, String planId, String periodId,
			PeriodType periodType, LocalDate dueDate, String rule, ReminderKind kind, @Nullable Channel fallbackFrom) {

		static Item of(Reminder reminder) {
			return new Item(reminder.id(), reminder.submissionId(), reminder.unitCode(), reminder.planId(),
					reminder.periodId(), reminder.periodType(), reminder.dueDate(), reminder.rule(), reminder.kind(),
					reminder.fallbackFrom());
		}

	}

	/**
	 * One call to the provider, or one answer about an earlier call.
	 *
	 * @param at when it ended
	 * @param outcome {@code sent}, {@code failed}, {@code found} (an earlier call was
	 * found at the provider), {@code not-found}
	 * @param detail the provider's reference or the error
	 */
	record Attempt(Instant at, String outcome, @Nullable String detail) {

	}

}
