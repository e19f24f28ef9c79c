package vn.gov.cchc.notification.reminder;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.messaging.BatchReading;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import static vn.gov.cchc.messaging.BatchReading.header;

/**
 * Applies the submission events to the deadlines and plans their reminders, a batch at a
 * time. Planning runs after every batch, applied or redelivered, because it is
 * idempotent: a consumer that died between the two steps leaves nothing behind when the
 * batch comes again.
 * <p>
 * Nothing here calls a provider: the consumer only writes to MongoDB, so a provider
 * outage cannot hold up the topic.
 */
@Component
class DeadlineUpdates {

	private static final Logger logger = LoggerFactory.getLogger(DeadlineUpdates.class);

	private final SubmissionEventReader reader;

	private final Deadlines deadlines;

	private final ReminderPlanner planner;

	private final Clock clock;

	private final Counter applied;

	private final Counter duplicate;

	private final Counter unknownType;

	DeadlineUpdates(SubmissionEventReader reader, Deadlines deadlines, ReminderPlanner planner, Clock clock,
			MeterRegistry meters) {
		this.reader = reader;
		this.deadlines = deadlines;
		this.planner = planner;
		this.clock = clock;
		this.applied = counter(meters, "applied");
		this.duplicate = counter(meters, "duplicate");
		this.unknownType = counter(meters, "unknown-type");
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder("cchc.reminders.submission-events")
			.description("Records on the submissions topic by what the reminders made of them")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * Applies a batch of records from {@code cchc.submissions}: the events to their
	 * deadlines (one read and two bulk writes for the batch, each write naming the
	 * version it read), then the reminders of every deadline the batch touched, planned
	 * together from the deadlines as that left them (one insert for the batch). A record
	 * that cannot be read stops the batch there: the records before it are applied, and
	 * the error handler dead-letters it and hands the rest back.
	 */
	void apply(Message<List<byte[]>> batch) {
		BatchReading.readThenApply(batch.getPayload(), (record, i) -> {
			Optional<SubmissionEvent> read = this.reader.read(record);
			if (read.isEmpty()) {
				this.unknownType.increment();
				logger.debug("Skipped a record the reminders do not use: key={} offset={}",
						header(batch, KafkaHeaders.RECEIVED_KEY, i), header(batch, KafkaHeaders.OFFSET, i));
			}
			return read.orElse(null);
		}, this::apply);
	}

	private void apply(List<SubmissionEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Deadlines.Applied outcome = this.deadlines.applyAll(events, this.clock.instant());
		Set<String> opened = new HashSet<>();
		for (SubmissionEvent event : events) {
			if (event.kind() == SubmissionEvent.Kind.DUE || event.kind() == SubmissionEvent.Kind.RETURNED) {
				opened.add(event.submissionId());
			}
		}
		// Planning runs for redelivered events too: it is idempotent, and a consumer that
		// died between the two steps leaves nothing behind when the batch comes again.
		this.planner.planAll(outcome.deadlines(), opened);
		// Counted once planned too, so that what the counters show is done.
		this.applied.increment(outcome.changed());
		this.duplicate.increment(events.size() - outcome.changed());
	}

}
