package vn.gov.cchc.notification.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which reminders this instance sends: those whose time has come, one digest per
 * recipient and channel, claimed in bulk for the round's deliveries (a reminder claimed
 * by another instance is left to it, one whose report is in is dropped); and the
 * deliveries of instances that died (their lease ran out). One that was still being made
 * gives its reminders back; one that was being sent is in doubt, and the provider is
 * asked whether it has the message before it is sent again, with only the reminders it
 * really claimed.
 */
class ReminderClaims {

	private static final Logger logger = LoggerFactory.getLogger(ReminderClaims.class);

	private final Reminders reminders;

	private final Deliveries deliveries;

	private final Deadlines deadlines;

	private final ReminderSchedule schedule;

	private final ReminderProperties properties;

	private final DigestSender sender;

	private final SentRecorder recorder;

	private final ReminderMetrics metrics;

	private final String owner;

	ReminderClaims(Reminders reminders, Deliveries deliveries, Deadlines deadlines, ReminderSchedule schedule,
			ReminderProperties properties, DigestSender sender, SentRecorder recorder, ReminderMetrics metrics,
			String owner) {
		this.reminders = reminders;
		this.deliveries = deliveries;
		this.deadlines = deadlines;
		this.schedule = schedule;
		this.properties = properties;
		this.sender = sender;
		this.recorder = recorder;
		this.metrics = metrics;
		this.owner = owner;
	}

	/** A round's worth of reminders whose time has come. */
	List<Reminder> due(Instant now) {
		// An SMS whose time came in the quiet hours (planned before them, retried into
		// them, or due while the service was down) waits for their end.
		List<Channel> open = this.schedule.quiet(now) ? List.of(Channel.EMAIL) : List.of(Channel.values());
		List<Reminder> timeHasCome = this.reminders.due(now, open, this.properties.dispatch().batchSize());
		this.metrics.due(timeHasCome.size());
		return timeHasCome;
	}

	/** The reminders grouped into digests, one per recipient and channel. */
	Map<Recipients, List<Reminder>> digests(List<Reminder> due) {
		Map<Recipients, List<Reminder>> digests = new LinkedHashMap<>();
		for (Reminder reminder : due) {
			digests
				.computeIfAbsent(new Recipients(reminder.recipientUnitCode(), reminder.channel()),
						(key) -> new ArrayList<>())
				.add(reminder);
		}
		return digests;
	}

	/**
	 * Makes the round's deliveries, claims their reminders and drops the reports that are
	 * in, with a handful of bulk writes for the whole round.
	 * @return the deliveries to send, each with the reminders it claimed
	 */
	List<Delivery> claim(Map<Recipients, List<Reminder>> digests, Instant now) {
		List<Delivery> made = new ArrayList<>();
		Map<String, String> deliveryOf = new HashMap<>();
		Map<String, Reminder> byId = new HashMap<>();
		digests.forEach((to, due) -> {
			Delivery delivery = new Delivery("d-" + UUID.randomUUID(), to.unitCode(), to.channel(),
					Delivery.State.SENDING, this.owner, now.plus(this.properties.dispatch().lease()), now,
					due.stream().map(Delivery.Item::of).toList(), List.of(), null, null, null, null, null, List.of());
			made.add(delivery);
			due.forEach((reminder) -> {
				deliveryOf.put(reminder.id(), delivery.id());
				byId.put(reminder.id(), reminder);
			});
		});
		// The deliveries first: a claimed reminder always names a delivery that exists,
		// so a process that dies at any point leaves nothing claimed for good.
		this.deliveries.createSending(made);
		Set<String> claimed = this.reminders.claimAll(deliveryOf, now);
		Set<String> open = this.deadlines
			.stillOpen(claimed.stream().map((id) -> byId.get(id).submissionId()).collect(Collectors.toSet()));
		Map<String, String> cancelled = new HashMap<>();
		List<Delivery> empty = new ArrayList<>();
		List<Delivery> ready = new ArrayList<>();
		for (Delivery delivery : made) {
			List<Delivery.Item> keep = new ArrayList<>();
			for (Delivery.Item item : delivery.items()) {
				if (!claimed.contains(item.reminderId())) {
					continue;
				}
				if (open.contains(item.submissionId())) {
					keep.add(item);
				}
				else {
					cancelled.put(item.reminderId(), delivery.id());
				}
			}
			if (keep.isEmpty()) {
				empty.add(delivery);
			}
			else if (keep.size() < delivery.items().size()) {
				ready.add(this.deliveries.carrying(delivery, keep));
			}
			else {
				ready.add(delivery);
			}
		}
		this.reminders.cancelClaimedAll(cancelled, now);
		this.deliveries.deleteAll(empty);
		return ready;
	}

	/** Takes over the deliveries of instances that died, one at a time. */
	void takeOverAbandoned(Instant now) {
		for (Delivery abandoned : this.deliveries.abandoned(now, this.properties.dispatch().batchSize())) {
			Optional<Delivery> taken = this.deliveries.takeOver(abandoned, this.owner, now,
					this.properties.dispatch().lease());
			if (taken.isEmpty()) {
				continue;
			}
			Delivery delivery = taken.get();
			if (delivery.state() == Delivery.State.PREPARING) {
				// Nothing was sent: give the reminders back to be grouped again.
				this.reminders.release(delivery.id(), now);
				this.deliveries.delete(delivery);
				continue;
			}
			resolveDoubt(delivery, now);
		}
	}

	private void resolveDoubt(Delivery delivery, Instant now) {
		ChannelSender.Lookup answer = this.sender.lookup(delivery);
		if (answer == ChannelSender.Lookup.FOUND) {
			this.metrics.inDoubt("found");
			logger.info("Delivery {} was sent before its instance died; recording it as sent", delivery.id());
			this.recorder.record(List.of(this.recorder.sent(delivery, delivery.id(),
					List.of(new Delivery.Attempt(now, "found", "Nhà cung cấp đã nhận thư/tin nhắn này")))));
			return;
		}
		boolean unconfirmed = answer == ChannelSender.Lookup.UNKNOWN;
		boolean waitedEnough = delivery.createdAt().plus(this.properties.dispatch().unresolvedAfter()).isBefore(now);
		if (unconfirmed && waitedEnough) {
			this.metrics.inDoubt("unresolved");
			logger.warn("Delivery {} could not be confirmed by its provider for {}; left to an operator", delivery.id(),
					this.properties.dispatch().unresolvedAfter());
			this.deliveries.markUnresolved(delivery, new Delivery.Attempt(now, "unresolved",
					"Nhà cung cấp không xác nhận được đã nhận hay chưa: chờ người vận hành quyết định"));
			return;
		}
		boolean quiet = delivery.channel() == Channel.SMS && this.schedule.quiet(now);
		if (unconfirmed || quiet) {
			// The takeover renewed the lease: the provider is asked again after it.
			this.metrics.inDoubt("held");
			return;
		}
		this.metrics.inDoubt("resent");
		this.deliveries.recordAttempt(delivery,
				new Delivery.Attempt(now, "not-found", "Nhà cung cấp chưa nhận: gửi lại"));
		sendWithItsClaims(delivery, now);
	}

	/**
	 * Carries out an operator's decision on a delivery left
	 * {@link Delivery.State#UNRESOLVED}: it reached its recipient, and is recorded as
	 * sent; or it did not, and goes again with the reminders it claimed.
	 * @return whether the delivery was unresolved (else nothing was done)
	 */
	boolean decide(String deliveryId, boolean reached, String operator, Instant now) {
		Optional<Delivery> taken = this.deliveries.takeUnresolved(deliveryId, this.owner, now,
				this.properties.dispatch().lease());
		if (taken.isEmpty()) {
			return false;
		}
		Delivery delivery = taken.get();
		this.metrics.inDoubt(reached ? "operator-confirmed" : "operator-resent");
		if (reached) {
			this.recorder.record(List.of(this.recorder.sent(delivery, delivery.id(),
					List.of(new Delivery.Attempt(now, "operator-confirmed", operator)))));
		}
		else {
			this.deliveries.recordAttempt(delivery, new Delivery.Attempt(now, "operator-resent", operator));
			sendWithItsClaims(delivery, now);
		}
		return true;
	}

	private void sendWithItsClaims(Delivery delivery, Instant now) {
		withItsClaims(delivery, now).ifPresent(this.sender::send);
	}

	/**
	 * The delivery with only the reminders it claimed and whose reports are still
	 * waiting: a round makes its deliveries before it claims their reminders, so a
	 * process that died in between leaves a delivery naming reminders it never took. None
	 * left: it was never sent, and is removed.
	 */
	private Optional<Delivery> withItsClaims(Delivery delivery, Instant now) {
		Map<String, Reminder> stored = new HashMap<>();
		this.reminders.findAll(delivery.items().stream().map(Delivery.Item::reminderId).toList())
			.forEach((reminder) -> stored.put(reminder.id(), reminder));
		List<Delivery.Item> ours = delivery.items().stream().filter((item) -> {
			Reminder reminder = stored.get(item.reminderId());
			return reminder != null && reminder.state() == Reminder.State.CLAIMED
					&& delivery.id().equals(reminder.deliveryId());
		}).toList();
		Set<String> open = this.deadlines
			.stillOpen(ours.stream().map(Delivery.Item::submissionId).collect(Collectors.toSet()));
		Map<String, String> cancelled = new HashMap<>();
		List<Delivery.Item> keep = new ArrayList<>();
		for (Delivery.Item item : ours) {
			if (open.contains(item.submissionId())) {
				keep.add(item);
			}
			else {
				cancelled.put(item.reminderId(), delivery.id());
			}
		}
		this.reminders.cancelClaimedAll(cancelled, now);
		if (keep.isEmpty()) {
			this.deliveries.delete(delivery);
			return Optional.empty();
		}
		return Optional
			.of((keep.size() < delivery.items().size()) ? this.deliveries.carrying(delivery, keep) : delivery);
	}

	/** Who a digest goes to and how. */
	record Recipients(String unitCode, Channel channel) {

	}

}
