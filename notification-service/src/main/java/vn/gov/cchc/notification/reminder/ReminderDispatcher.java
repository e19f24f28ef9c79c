package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.notification.contact.Contact;
import vn.gov.cchc.notification.contact.ContactDirectory;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends what is due. Each round:
 * <ol>
 * <li>takes over the deliveries of instances that died (their lease ran out): one that
 * was still being made gives its reminders back; one that was being sent is in doubt, and
 * the provider is asked whether it has the message before it is sent again;</li>
 * <li>groups the waiting reminders whose time has come by recipient and channel, one
 * digest each;</li>
 * <li>for each digest, makes a delivery, claims its reminders one by one (a reminder
 * claimed by another instance is left to it), drops the reports that came in meanwhile,
 * sends through the guarded channel, and records the outcome with its event.</li>
 * </ol>
 * A channel that fails hands its reminders to the other channel; when neither can take
 * them they wait and are tried again later, so an outage delays reminders and never drops
 * them.
 */
class ReminderDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(ReminderDispatcher.class);

	private final Reminders reminders;

	private final Deliveries deliveries;

	private final Deadlines deadlines;

	private final ContactDirectory contacts;

	private final ReminderSchedule schedule;

	private final ReminderProperties properties;

	private final Map<Channel, GuardedChannel> channels;

	private final Map<Channel, ExecutorService> senders;

	private final ReminderMetrics metrics;

	private final Clock clock;

	private final String owner;

	ReminderDispatcher(Reminders reminders, Deliveries deliveries, Deadlines deadlines, ContactDirectory contacts,
			ReminderSchedule schedule, ReminderProperties properties, Map<Channel, GuardedChannel> channels,
			Map<Channel, ExecutorService> senders, ReminderMetrics metrics, Clock clock, String owner) {
		this.reminders = reminders;
		this.deliveries = deliveries;
		this.deadlines = deadlines;
		this.contacts = contacts;
		this.schedule = schedule;
		this.properties = properties;
		this.channels = Map.copyOf(channels);
		this.senders = Map.copyOf(senders);
		this.metrics = metrics;
		this.clock = clock;
		this.owner = owner;
	}

	/**
	 * One round.
	 * @return the digests this round tried to send
	 */
	synchronized int runOnce() {
		recoverAbandoned();
		Instant now = this.clock.instant();
		Map<Recipients, List<Reminder>> digests = new LinkedHashMap<>();
		// An SMS whose time came in the quiet hours (planned before them, retried into
		// them, or due while the service was down) waits for their end.
		List<Channel> open = this.schedule.quiet(now) ? List.of(Channel.EMAIL) : List.of(Channel.values());
		List<Reminder> timeHasCome = this.reminders.due(now, open, this.properties.dispatch().batchSize());
		this.metrics.due(timeHasCome.size());
		for (Reminder reminder : timeHasCome) {
			digests
				.computeIfAbsent(new Recipients(reminder.recipientUnitCode(), reminder.channel()),
						(key) -> new ArrayList<>())
				.add(reminder);
		}
		List<CompletableFuture<Void>> sending = new ArrayList<>();
		digests.forEach((to, due) -> sending
			.add(CompletableFuture.runAsync(() -> deliver(to, due), this.senders.get(to.channel()))
				.exceptionally((ex) -> {
					logger.warn("Could not finish the digest for {} by {}; its reminders are taken up again",
							to.unitCode(), to.channel(), ex);
					return null;
				})));
		sending.forEach(CompletableFuture::join);
		return digests.size();
	}

	private void deliver(Recipients to, List<Reminder> due) {
		Instant now = this.clock.instant();
		Delivery delivery = this.deliveries.create("d-" + UUID.randomUUID(), to.unitCode(), to.channel(), this.owner,
				now, this.properties.dispatch().lease());
		List<Reminder> claimed = due.stream()
			.filter((reminder) -> this.reminders.claim(reminder.id(), delivery.id(), now))
			.toList();
		List<Delivery.Item> items = new ArrayList<>();
		for (Reminder reminder : claimed) {
			if (this.deadlines.find(reminder.submissionId()).filter(Deadline::open).isPresent()) {
				items.add(Delivery.Item.of(reminder));
			}
			else {
				this.reminders.cancelClaimed(reminder.id(), delivery.id(), now);
			}
		}
		if (items.isEmpty()) {
			this.deliveries.delete(delivery);
			return;
		}
		send(this.deliveries.startSending(delivery, items));
	}

	private void send(Delivery delivery) {
		GuardedChannel channel = this.channels.get(delivery.channel());
		Optional<Recipient> recipient = recipient(delivery.recipientUnitCode());
		if (recipient.isEmpty()) {
			failed(delivery, null, new GuardedChannel.ChannelFailure(
					"Chưa có thông tin liên hệ của đơn vị " + delivery.recipientUnitCode(), false, List.of()));
			return;
		}
		if (!recipient.get().reachableBy(delivery.channel())) {
			failed(delivery, recipient.get(),
					new GuardedChannel.ChannelFailure(
							(delivery.channel() == Channel.EMAIL) ? "Đơn vị chưa đăng ký địa chỉ thư điện tử"
									: "Đơn vị chưa đăng ký số điện thoại nhận tin nhắn",
							true, List.of()));
			return;
		}
		try {
			GuardedChannel.Sent sent = channel.send(digest(delivery, recipient.get()));
			recordSent(delivery, sent.reference(), sent.attempts());
		}
		catch (GuardedChannel.ChannelFailure failure) {
			if (failure.inDoubt()) {
				leaveInDoubt(delivery, failure);
				return;
			}
			failed(delivery, recipient.get(), failure);
		}
	}

	/**
	 * The provider may have taken the message and could not say: the delivery stays
	 * SENDING with its attempts recorded, and once its lease runs out the provider is
	 * asked again ({@link #resolveDoubt}), as for a delivery whose instance died. Sending
	 * it now, or by the other channel, could make it arrive twice.
	 */
	private void leaveInDoubt(Delivery delivery, GuardedChannel.ChannelFailure failure) {
		failure.attempts().forEach((attempt) -> this.deliveries.recordAttempt(delivery, attempt));
		this.metrics.inDoubt("unanswered");
		logger.warn("Delivery {} by {} may have reached the provider, which could not tell: {}; asking again after "
				+ "its lease", delivery.id(), delivery.channel(), failure.getMessage());
	}

	private void recordSent(Delivery delivery, String reference, List<Delivery.Attempt> attempts) {
		Instant at = this.clock.instant();
		int calls = (int) attempts.stream().filter((attempt) -> !attempt.outcome().equals("found")).count();
		// The reminders first: a process that dies between the two writes leaves the
		// delivery unfinished, to be found at the provider and recorded again after its
		// lease. The other order would leave its reminders claimed for good.
		delivery.items().forEach((item) -> this.reminders.markSent(item.reminderId(), delivery.id(), at));
		this.deliveries.markSent(delivery, reference, attempts, at,
				ReminderEvents.sent(delivery, reference, calls, at));
		this.metrics.sent(delivery.channel(), delivery.fallbackFor() != null);
	}

	/**
	 * Hands the delivery's reminders to the other channel where the recipient has an
	 * address on it; otherwise, unless the failure is for good, they wait and are tried
	 * again on this channel later.
	 */
	private void failed(Delivery delivery, @Nullable Recipient recipient, GuardedChannel.ChannelFailure failure) {
		Instant now = this.clock.instant();
		Channel other = delivery.channel().other();
		boolean otherReachable = recipient != null && recipient.reachableBy(other);
		Instant otherSendAt = (other == Channel.SMS) ? this.schedule.outOfQuietHours(now) : now;
		String reason = failure.getMessage();
		boolean covered = false;
		Instant retryAt = null;
		for (Delivery.Item item : delivery.items()) {
			Optional<Reminder> reminder = this.reminders.find(item.reminderId());
			if (reminder.isEmpty()) {
				continue;
			}
			if (otherReachable && this.reminders.coverByOtherChannel(reminder.get(), otherSendAt, now)) {
				this.reminders.markFailed(item.reminderId(), delivery.id(), reason, failure.permanent(), now);
				covered = true;
			}
			else if (failure.permanent()) {
				this.reminders.markFailed(item.reminderId(), delivery.id(), reason, true, now);
				this.metrics.undeliverable(delivery.channel());
				logger.warn("Reminder {} cannot be delivered: {}", item.reminderId(), reason);
			}
			else {
				Instant later = now.plus(backoff(reminder.get().tries()));
				Instant at = (delivery.channel() == Channel.SMS) ? this.schedule.outOfQuietHours(later) : later;
				this.reminders.retryLater(item.reminderId(), delivery.id(), at, reason, now);
				retryAt = (retryAt == null || at.isBefore(retryAt)) ? at : retryAt;
			}
		}
		int calls = (int) failure.attempts().stream().filter((attempt) -> attempt.outcome().equals("failed")).count();
		Channel fallback = covered ? other : null;
		this.deliveries.markFailed(delivery, reason, failure.attempts(), fallback, retryAt,
				ReminderEvents.failed(delivery, reason, failure.permanent(), calls, fallback, retryAt, now));
		this.metrics.failed(delivery.channel(), failure.permanent(), fallback != null);
	}

	/** The wait before a reminder's next try: doubling from the first, with jitter. */
	private Duration backoff(int tries) {
		Duration first = this.properties.dispatch().retryBackoff();
		Duration max = this.properties.dispatch().maxRetryBackoff();
		Duration wait = first.multipliedBy(1L << Math.min(tries, 20));
		if (wait.compareTo(max) > 0) {
			wait = max;
		}
		long millis = wait.toMillis();
		return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 4 + 1));
	}

	private void recoverAbandoned() {
		Instant now = this.clock.instant();
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
		GuardedChannel channel = this.channels.get(delivery.channel());
		ChannelSender.Lookup answer = channel.lookup(delivery.id());
		if (answer == ChannelSender.Lookup.FOUND) {
			this.metrics.inDoubt("found");
			logger.info("Delivery {} was sent before its instance died; recording it as sent", delivery.id());
			recordSent(delivery, delivery.id(),
					List.of(new Delivery.Attempt(now, "found", "Nhà cung cấp đã nhận thư/tin nhắn này")));
			return;
		}
		boolean unconfirmed = answer == ChannelSender.Lookup.UNKNOWN;
		boolean waitedEnough = delivery.createdAt()
			.plus(this.properties.dispatch().unresolvedDoubtResend())
			.isBefore(now);
		boolean quiet = delivery.channel() == Channel.SMS && this.schedule.quiet(now);
		if ((unconfirmed && !waitedEnough) || quiet) {
			// The takeover renewed the lease: the provider is asked again after it.
			this.metrics.inDoubt("held");
			return;
		}
		if (unconfirmed) {
			this.metrics.inDoubt("resent-unconfirmed");
			logger.warn("Delivery {} could not be confirmed by its provider for {}; sending it again", delivery.id(),
					this.properties.dispatch().unresolvedDoubtResend());
		}
		else {
			this.metrics.inDoubt("resent");
			this.deliveries.recordAttempt(delivery,
					new Delivery.Attempt(now, "not-found", "Nhà cung cấp chưa nhận: gửi lại"));
		}
		send(delivery);
	}

	private Optional<Recipient> recipient(String unitCode) {
		return this.contacts.find(unitCode)
			.map((contact) -> new Recipient(contact.unitCode(), contact.name(), contact.person(), contact.email(),
					contact.phone()));
	}

	private Digest digest(Delivery delivery, Recipient recipient) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, this.properties.zone());
		Map<String, String> names = new HashMap<>();
		names.put(recipient.unitCode(), recipient.unitName());
		// Two rules of one report due together (after a restart) say it once, as the
		// later rule words it: the items come in the order of their times.
		Map<String, Delivery.Item> latest = new LinkedHashMap<>();
		delivery.items().forEach((item) -> latest.put(item.submissionId(), item));
		List<DigestItem> items = new ArrayList<>();
		for (Delivery.Item item : latest.values()) {
			String unitName = names.computeIfAbsent(item.unitCode(),
					(code) -> this.contacts.find(code).map(Contact::name).orElse(code));
			items.add(new DigestItem(item.submissionId(), item.unitCode(), unitName, item.planId(), item.periodId(),
					item.periodType(), item.dueDate(), item.kind(), ChronoUnit.DAYS.between(today, item.dueDate()),
					link(item.unitCode(), item.planId(), item.periodId())));
		}
		items.sort(Comparator.comparing(DigestItem::dueDate).thenComparing(DigestItem::unitCode));
		return new Digest(delivery.id(), delivery.channel(), recipient,
				this.properties.languageOf(recipient.unitCode()), items, now, link(recipient.unitCode(), null, null));
	}

	private URI link(String unitCode, @Nullable String planId, @Nullable String periodId) {
		UriComponentsBuilder link = UriComponentsBuilder.fromUri(this.properties.dashboardUrl())
			.queryParam("unit", unitCode);
		if (planId != null) {
			link.queryParam("plan", planId).queryParam("period", periodId);
		}
		return link.encode().build().toUri();
	}

	/** Who a digest goes to and how. */
	private record Recipients(String unitCode, Channel channel) {

	}

}
