package vn.gov.cchc.notification.reminder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.notification.contact.Contact;
import vn.gov.cchc.notification.contact.ContactDirectory;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends what is due, in bulk. Each round:
 * <ol>
 * <li>takes over the deliveries of instances that died (their lease ran out): one that
 * was still being made gives its reminders back; one that was being sent is in doubt, and
 * the provider is asked whether it has the message before it is sent again, with only the
 * reminders it really claimed;</li>
 * <li>groups the waiting reminders whose time has come by recipient and channel, one
 * digest each, as many per channel as the channel's rate sends well within a lease;</li>
 * <li>makes the round's deliveries in one write, claims all their reminders in one bulk
 * write (a reminder claimed by another instance is left to it), drops the reports that
 * came in meanwhile (one read);</li>
 * <li>sends the digests on each channel's threads, through the guarded channel, and
 * records the messages that went out in bulk writes as they go (the reminders first, then
 * the deliveries with their events), which the outbox relay then publishes.</li>
 * </ol>
 * A channel that fails hands its reminders to the other channel; when neither can take
 * them they wait and are tried again later, so an outage delays reminders and never drops
 * them. Failures, doubts and recoveries are rare and written one at a time.
 */
class ReminderDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(ReminderDispatcher.class);

	/** The most messages recorded in one bulk write. */
	private static final int RECORD_BATCH = 500;

	/** The longest a message that went out waits to be recorded with others. */
	private static final Duration RECORD_WAIT = Duration.ofMillis(500);

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

	private final Consumer<Collection<String>> recorded;

	ReminderDispatcher(Reminders reminders, Deliveries deliveries, Deadlines deadlines, ContactDirectory contacts,
			ReminderSchedule schedule, ReminderProperties properties, Map<Channel, GuardedChannel> channels,
			Map<Channel, ExecutorService> senders, ReminderMetrics metrics, Clock clock, String owner,
			Consumer<Collection<String>> recorded) {
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
		this.recorded = recorded;
	}

	/**
	 * Rounds until nothing more is due, pipelined: the next round is made (read, claimed)
	 * while the messages of the last one are still going out, and the messages that went
	 * out are recorded in bulk in between, so a backlog goes at the channels' rates
	 * rather than at one batch per interval.
	 * @return the digests the rounds tried to send
	 */
	synchronized int runOnce() {
		// Once a run: what other instances left is taken up after the rounds in progress.
		recoverAbandoned();
		Pipeline pipeline = new Pipeline();
		int digests = 0;
		boolean more = true;
		while (!Thread.currentThread().isInterrupted()) {
			if (more && pipeline.inFlight() <= this.properties.dispatch().batchSize() / 2) {
				Round round = round(pipeline);
				digests += round.digests();
				more = round.more();
				continue;
			}
			if (pipeline.recordWhatWentOut(!more)) {
				break;
			}
		}
		return digests;
	}

	private Round round(Pipeline pipeline) {
		Instant now = this.clock.instant();
		// An SMS whose time came in the quiet hours (planned before them, retried into
		// them, or due while the service was down) waits for their end.
		List<Channel> open = this.schedule.quiet(now) ? List.of(Channel.EMAIL) : List.of(Channel.values());
		List<Reminder> timeHasCome = this.reminders.due(now, open, this.properties.dispatch().batchSize());
		this.metrics.due(timeHasCome.size());
		Map<Recipients, List<Reminder>> digests = new LinkedHashMap<>();
		for (Reminder reminder : timeHasCome) {
			digests
				.computeIfAbsent(new Recipients(reminder.recipientUnitCode(), reminder.channel()),
						(key) -> new ArrayList<>())
				.add(reminder);
		}
		// A message must start well within its lease, or another instance could take it
		// over and send it too: a channel holds at most what it sends in a quarter of
		// one (at its rate limit, or as fast as it went so far in this run if slower),
		// counting the messages of the last round still waiting.
		Map<Channel, Long> room = new EnumMap<>(Channel.class);
		Duration quarterLease = this.properties.dispatch().lease().dividedBy(4);
		this.channels.forEach((channel, guarded) -> room.put(channel,
				Math.min(guarded.messagesWithin(quarterLease), pipeline.sentWithin(channel, quarterLease))
						- pipeline.inFlight(channel)));
		boolean more = digests.keySet().removeIf((to) -> room.merge(to.channel(), -1L, Long::sum) < 0)
				|| timeHasCome.size() >= this.properties.dispatch().batchSize();
		List<Delivery> ready = prepare(digests, now);
		pipeline.send(ready);
		// Nothing could go (every reminder taken by another instance, or every report
		// in): the next round waits for the interval.
		return new Round(digests.size(), more && !ready.isEmpty());
	}

	/**
	 * Makes the round's deliveries, claims their reminders and drops the reports that are
	 * in, with a handful of bulk writes for the whole round.
	 * @return the deliveries to send, each with the reminders it claimed
	 */
	private List<Delivery> prepare(Map<Recipients, List<Reminder>> digests, Instant now) {
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

	/**
	 * The messages of the rounds of one run: sent on their channels' threads, recorded in
	 * bulk on the dispatcher's thread as they go out.
	 */
	private final class Pipeline {

		private final BlockingQueue<Deliveries.SentRecord> wentOut = new LinkedBlockingQueue<>();

		private final Map<Channel, AtomicInteger> inFlight = new EnumMap<>(Channel.class);

		private final Map<Channel, AtomicInteger> done = new EnumMap<>(Channel.class);

		private final long startedAt = System.nanoTime();

		private List<Deliveries.SentRecord> batch = new ArrayList<>();

		private long firstAt;

		Pipeline() {
			for (Channel channel : Channel.values()) {
				this.inFlight.put(channel, new AtomicInteger());
				this.done.put(channel, new AtomicInteger());
			}
		}

		/**
		 * How many messages the channel finishes in this time at the pace of this run so
		 * far; unbounded until it has finished enough to tell.
		 */
		long sentWithin(Channel channel, Duration time) {
			int finished = this.done.get(channel).get();
			long elapsed = System.nanoTime() - this.startedAt;
			if (finished < 100 || elapsed <= 0) {
				return Long.MAX_VALUE;
			}
			return Math.max(100, (long) ((double) finished * time.toNanos() / elapsed));
		}

		int inFlight() {
			return this.inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
		}

		int inFlight(Channel channel) {
			return this.inFlight.get(channel).get();
		}

		/** Hands a round's deliveries to their channels' threads. */
		void send(List<Delivery> ready) {
			if (ready.isEmpty()) {
				return;
			}
			// Every contact the round's messages need, in one read.
			Set<String> units = new HashSet<>();
			ready.forEach((delivery) -> {
				units.add(delivery.recipientUnitCode());
				delivery.items().forEach((item) -> units.add(item.unitCode()));
			});
			Map<String, Contact> known = ReminderDispatcher.this.contacts.findAll(units);
			Function<String, Optional<Contact>> contact = (code) -> Optional.ofNullable(known.get(code));
			for (Delivery delivery : ready) {
				AtomicInteger waiting = this.inFlight.get(delivery.channel());
				waiting.incrementAndGet();
				try {
					ReminderDispatcher.this.senders.get(delivery.channel()).execute(() -> {
						try {
							sendInRound(delivery, contact).ifPresent(this.wentOut::add);
						}
						catch (RuntimeException ex) {
							logger.warn(
									"Could not finish delivery {} to {} by {}; it is taken up again after its "
											+ "lease",
									delivery.id(), delivery.recipientUnitCode(), delivery.channel(), ex);
						}
						finally {
							this.done.get(delivery.channel()).incrementAndGet();
							waiting.decrementAndGet();
						}
					});
				}
				catch (RejectedExecutionException ex) {
					waiting.decrementAndGet();
					logger.warn("Delivery {} was not sent: the service is stopping; it goes after its lease",
							delivery.id());
				}
			}
		}

		/**
		 * Waits a moment for messages that went out and records them once enough have
		 * gathered, or have waited long enough.
		 * @param last whether no round follows
		 * @return whether every message was sent and recorded
		 */
		boolean recordWhatWentOut(boolean last) {
			boolean idle = inFlight() == 0;
			Deliveries.SentRecord next;
			try {
				next = this.wentOut.poll(20, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				// What went out and is not recorded is found at the provider after its
				// lease.
				Thread.currentThread().interrupt();
				return true;
			}
			if (next != null) {
				if (this.batch.isEmpty()) {
					this.firstAt = System.nanoTime();
				}
				this.batch.add(next);
				this.wentOut.drainTo(this.batch, RECORD_BATCH - this.batch.size());
			}
			boolean drained = idle && next == null && this.wentOut.isEmpty();
			if (!this.batch.isEmpty() && (drained || this.batch.size() >= RECORD_BATCH
					|| System.nanoTime() - this.firstAt >= RECORD_WAIT.toNanos())) {
				recordSent(this.batch);
				this.batch = new ArrayList<>();
			}
			return drained && last;
		}

	}

	/**
	 * Sends one delivery of the round, unless its lease is too far gone for it to start
	 * now, or it is an SMS whose turn came in the quiet hours.
	 * @return the message as it went out, to be recorded with others
	 */
	private Optional<Deliveries.SentRecord> sendInRound(Delivery delivery,
			Function<String, Optional<Contact>> contact) {
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
			return Optional.of(sentRecord(delivery, sent.reference(), sent.attempts()));
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

	/** Sends one delivery and records it at once (the recovery path). */
	private void send(Delivery delivery) {
		attempt(delivery, this.contacts::find).ifPresent((sent) -> recordSent(List.of(sent)));
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

	private Deliveries.SentRecord sentRecord(Delivery delivery, String reference, List<Delivery.Attempt> attempts) {
		Instant at = this.clock.instant();
		int calls = (int) attempts.stream().filter((attempt) -> !attempt.outcome().equals("found")).count();
		return new Deliveries.SentRecord(delivery, reference, attempts, at,
				ReminderEvents.sent(delivery, reference, calls, at));
	}

	private void recordSent(List<Deliveries.SentRecord> sent) {
		Map<String, String> deliveryOf = new HashMap<>();
		sent.forEach((record) -> record.delivery()
			.items()
			.forEach((item) -> deliveryOf.put(item.reminderId(), record.delivery().id())));
		// The reminders first: a process that dies between the two writes leaves the
		// deliveries unfinished, to be found at the provider and recorded again after
		// their lease. The other order would leave their reminders claimed for good.
		this.reminders.markSentAll(deliveryOf, this.clock.instant());
		this.deliveries.markSentAll(sent);
		sent.forEach(
				(record) -> this.metrics.sent(record.delivery().channel(), record.delivery().fallbackFor() != null));
		this.recorded.accept(sent.stream().map((record) -> record.delivery().id()).toList());
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
			recordSent(List.of(sentRecord(delivery, delivery.id(),
					List.of(new Delivery.Attempt(now, "found", "Nhà cung cấp đã nhận thư/tin nhắn này")))));
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
		Optional<Delivery> claimed = withItsClaims(delivery, now);
		if (claimed.isEmpty()) {
			return;
		}
		delivery = claimed.get();
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

	/** What a round did, and whether it left reminders whose time has come. */
	private record Round(int digests, boolean more) {

	}

	/** Who a digest goes to and how. */
	private record Recipients(String unitCode, Channel channel) {

	}

}
