package vn.gov.cchc.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import vn.gov.cchc.notification.contact.Contacts;

/**
 * Sends what is due, in bulk. Each run first takes over the deliveries of instances that
 * died, then goes in rounds: the reminders whose time has come are claimed for one digest
 * per recipient and channel ({@link ReminderClaims}), sent on each channel's threads
 * through the guarded channel ({@link DigestSender}), and recorded in bulk writes as they
 * go out ({@link SentRecorder}), which the outbox relay then publishes.
 */
class ReminderDispatcher {

	private final ReminderClaims claims;

	private final DigestSender sender;

	private final SentRecorder recorder;

	private final ReminderProperties properties;

	private final Clock clock;

	ReminderDispatcher(Reminders reminders, Deliveries deliveries, Deadlines deadlines, Contacts contacts,
			ReminderSchedule schedule, ReminderProperties properties, Map<Channel, GuardedChannel> channels,
			Map<Channel, ExecutorService> senders, ReminderMetrics metrics, Clock clock, String owner,
			Consumer<Collection<String>> recorded) {
		this.recorder = new SentRecorder(reminders, deliveries, metrics, clock, recorded);
		this.sender = new DigestSender(reminders, deliveries, contacts, schedule, properties, channels, senders,
				this.recorder, metrics, clock);
		this.claims = new ReminderClaims(reminders, deliveries, deadlines, schedule, properties, this.sender,
				this.recorder, metrics, owner);
		this.properties = properties;
		this.clock = clock;
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
		this.claims.takeOverAbandoned(this.clock.instant());
		SendingRun sending = this.sender.run();
		SentRecorder.Batch recording = this.recorder.batch(sending.wentOut());
		int digests = 0;
		boolean more = true;
		while (!Thread.currentThread().isInterrupted()) {
			if (more && sending.inFlight() <= this.properties.dispatch().batchSize() / 2) {
				Round round = round(sending);
				digests += round.digests();
				more = round.more();
				continue;
			}
			if (recording.recordWhatWentOut(sending.inFlight() == 0, !more)) {
				break;
			}
		}
		return digests;
	}

	/**
	 * An operator's decision on a delivery left unresolved: it reached its recipient, or
	 * it goes again ({@link ReminderClaims#decide}).
	 * @return whether the delivery was unresolved
	 */
	boolean decide(String deliveryId, boolean reached, String operator) {
		return this.claims.decide(deliveryId, reached, operator, this.clock.instant());
	}

	private Round round(SendingRun sending) {
		Instant now = this.clock.instant();
		List<Reminder> timeHasCome = this.claims.due(now);
		Map<ReminderClaims.Recipients, List<Reminder>> digests = this.claims.digests(timeHasCome);
		// A message must start well within its lease, or another instance could take it
		// over and send it too: a channel holds at most what it sends in a quarter of
		// one, counting the messages of the last round still waiting.
		Map<Channel, Long> room = sending.room(this.properties.dispatch().lease().dividedBy(4));
		boolean more = digests.keySet().removeIf((to) -> room.merge(to.channel(), -1L, Long::sum) < 0)
				|| timeHasCome.size() >= this.properties.dispatch().batchSize();
		List<Delivery> ready = this.claims.claim(digests, now);
		sending.send(ready);
		// Nothing could go (every reminder taken by another instance, or every report
		// in): the next round waits for the interval.
		return new Round(digests.size(), more && !ready.isEmpty());
	}

	/** What a round did, and whether it left reminders whose time has come. */
	private record Round(int digests, boolean more) {

	}

}
