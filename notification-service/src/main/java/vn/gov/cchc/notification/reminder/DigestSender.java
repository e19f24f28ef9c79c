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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.notification.contact.Contact;
import vn.gov.cchc.notification.contact.Contacts;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a delivery's digest through its guarded channel, on the channel's threads (see
 * {@link SendingRun}). A channel that fails hands the reminders to the other channel;
 * when neither can take them they wait and are tried again later, so an outage delays
 * reminders and never drops them. Failures and doubts are rare and written one at a time.
 */
class DigestSender {

	private static final Logger logger = LoggerFactory.getLogger(DigestSender.class);

	private final Reminders reminders;

	private final Deliveries deliveries;

	private final Contacts contacts;

	private final ReminderSchedule schedule;

	private final ReminderProperties properties;

	private final Map<Channel, GuardedChannel> channels;

	private final Map<Channel, ExecutorService> threads;

	private final SentRecorder recorder;

	private final ReminderMetrics metrics;

	private final Clock clock;

	DigestSender(Reminders reminders, Deliveries deliveries, Contacts contacts, ReminderSchedule schedule,
			ReminderProperties properties, Map<Channel, GuardedChannel> channels, Map<Channel, ExecutorService> threads,
			SentRecorder recorder, ReminderMetrics metrics, Clock clock) {
		this.reminders = reminders;
		this.deliveries = deliveries;
		this.contacts = contacts;
		this.schedule = schedule;
		this.properties = properties;
		this.channels = Map.copyOf(channels);
		this.threads = Map.copyOf(threads);
		this.recorder = recorder;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The sending of one run's rounds. */
	SendingRun run() {
		return new SendingRun(this, this.contacts, this.channels, this.threads);
	}

	/**
	 * Sends one delivery of the round, unless its lease is too far gone for it to start
	 * now, or it is an SMS whose turn came in the quiet hours.
	 * @return the message as it went out, to be recorded with others
	 */
	Optional<Deliveries.SentRecord> sendInRound(Delivery delivery, Function<String, Optional<Contact>> contact) {
		Instant now = this.clock.instant();
		Duration lease = this.properties.dispatch().lease();
		if (now.isAfter(delivery.leaseUntil().minus(lease.dividedBy(2)))) {
			// Another instance may take it over soon: left to whoever does, who asks the
			// provider (not found) and sends it.
			logger.warn("Delivery {} waited too long for its turn; it goes after its lease", delivery.id());
			return Optional.empty();
		}
		if (delivery.channel() == Channel.SMS && this.schedule.quiet(now)) {
			Instant later = this.schedule.outOfQuietHours(now);
			delivery.items().forEach((item) -> this.reminders.giveBack(item.reminderId(), delivery.id(), later, now));
			this.deliveries.delete(delivery);
			return Optional.empty();
		}
		return attempt(delivery, contact);
	}

	/** Sends one delivery and records it at once (the recovery path). */
	void send(Delivery delivery) {
		attempt(delivery, this.contacts::find).ifPresent((sent) -> this.recorder.record(List.of(sent)));
	}

	/** Asks the delivery's provider whether it has the message. */
	ChannelSender.Lookup lookup(Delivery delivery) {
		return this.channels.get(delivery.channel()).lookup(delivery.id());
	}

	/**
	 * Sends the delivery once through its guarded channel. A failure, or a doubt, is
	 * recorded here and now.
	 * @return the message, if it went out, to be recorded
	 */
	private Optional<Deliveries.SentRecord> attempt(Delivery delivery, Function<String, Optional<Contact>> contact) {
		GuardedChannel channel = this.channels.get(delivery.channel());
		Optional<Recipient> recipient = contact.apply(delivery.recipientUnitCode())
			.map((found) -> new Recipient(found.unitCode(), found.name(), found.person(), found.email(),
					found.phone()));
		if (recipient.isEmpty()) {
			failed(delivery, null, new GuardedChannel.ChannelFailure(
					"Chưa có thông tin liên hệ của đơn vị " + delivery.recipientUnitCode(), false, List.of()));
			return Optional.empty();
		}
		if (!recipient.get().reachableBy(delivery.channel())) {
			failed(delivery, recipient.get(),
					new GuardedChannel.ChannelFailure(
							(delivery.channel() == Channel.EMAIL) ? "Đơn vị chưa đăng ký địa chỉ thư điện tử"
									: "Đơn vị chưa đăng ký số điện thoại nhận tin nhắn",
							true, List.of()));
			return Optional.empty();
		}
		try {
			GuardedChannel.Sent sent = channel.send(digest(delivery, recipient.get(), contact));
			return Optional.of(this.recorder.sent(delivery, sent.reference(), sent.attempts()));
		}
		catch (GuardedChannel.ChannelFailure failure) {
			if (failure.inDoubt()) {
				leaveInDoubt(delivery, failure);
				return Optional.empty();
			}
			failed(delivery, recipient.get(), failure);
			return Optional.empty();
		}
	}

	/**
	 * The provider may have taken the message and could not say: the delivery stays
	 * SENDING with its attempts recorded, and once its lease runs out the provider is
	 * asked again (see {@link ReminderClaims}), as for a delivery whose instance died.
	 * Sending it now, or by the other channel, could make it arrive twice.
	 */
	private void leaveInDoubt(Delivery delivery, GuardedChannel.ChannelFailure failure) {
		failure.attempts().forEach((attempt) -> this.deliveries.recordAttempt(delivery, attempt));
		this.metrics.inDoubt("unanswered");
		logger.warn("Delivery {} by {} may have reached the provider, which could not tell: {}; asking again after "
				+ "its lease", delivery.id(), delivery.channel(), failure.getMessage());
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

	private Digest digest(Delivery delivery, Recipient recipient, Function<String, Optional<Contact>> contact) {
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
					(code) -> contact.apply(code).map(Contact::name).orElse(code));
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

}
