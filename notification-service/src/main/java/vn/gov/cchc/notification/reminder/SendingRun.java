package vn.gov.cchc.notification.reminder;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.notification.contact.Contact;
import vn.gov.cchc.notification.contact.Contacts;

/**
 * The sending of one dispatcher run: the rounds' messages go out on their channels'
 * threads, at a pace the run measures, and wait in {@link #wentOut()} to be recorded in
 * bulk on the dispatcher's thread.
 */
final class SendingRun {

	private static final Logger logger = LoggerFactory.getLogger(SendingRun.class);

	private final DigestSender sender;

	private final Contacts contacts;

	private final Map<Channel, GuardedChannel> channels;

	private final Map<Channel, ExecutorService> threads;

	private final BlockingQueue<Deliveries.SentRecord> wentOut = new LinkedBlockingQueue<>();

	private final Map<Channel, AtomicInteger> inFlight = new EnumMap<>(Channel.class);

	private final Map<Channel, AtomicInteger> done = new EnumMap<>(Channel.class);

	private final long startedAt = System.nanoTime();

	SendingRun(DigestSender sender, Contacts contacts, Map<Channel, GuardedChannel> channels,
			Map<Channel, ExecutorService> threads) {
		this.sender = sender;
		this.contacts = contacts;
		this.channels = channels;
		this.threads = threads;
		for (Channel channel : Channel.values()) {
			this.inFlight.put(channel, new AtomicInteger());
			this.done.put(channel, new AtomicInteger());
		}
	}

	/**
	 * How many more messages each channel takes: what it sends in this time at its rate
	 * limit, or as fast as it went so far in this run if slower, less those still
	 * waiting.
	 */
	Map<Channel, Long> room(Duration time) {
		Map<Channel, Long> room = new EnumMap<>(Channel.class);
		this.channels.forEach((channel, guarded) -> room.put(channel,
				Math.min(guarded.messagesWithin(time), sentWithin(channel, time)) - inFlight(channel)));
		return room;
	}

	/**
	 * How many messages the channel finishes in this time at the pace of this run so far;
	 * unbounded until it has finished enough to tell.
	 */
	private long sentWithin(Channel channel, Duration time) {
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

	private int inFlight(Channel channel) {
		return this.inFlight.get(channel).get();
	}

	/** The messages that went out and are not yet taken to be recorded. */
	BlockingQueue<Deliveries.SentRecord> wentOut() {
		return this.wentOut;
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
		Map<String, Contact> known = this.contacts.findAll(units);
		Function<String, Optional<Contact>> contact = (code) -> Optional.ofNullable(known.get(code));
		for (Delivery delivery : ready) {
			AtomicInteger waiting = this.inFlight.get(delivery.channel());
			waiting.incrementAndGet();
			try {
				this.threads.get(delivery.channel()).execute(() -> {
					try {
						this.sender.sendInRound(delivery, contact).ifPresent(this.wentOut::add);
					}
					catch (RuntimeException ex) {
						logger.warn("Could not finish delivery {} to {} by {}; it is taken up again after its lease",
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

}
