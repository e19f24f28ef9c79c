package vn.gov.cchc.notification.reminder;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Applies the submission events to the deadlines and plans their reminders. Planning runs
 * after every record, applied or redelivered, because it is idempotent: a consumer that
 * died between the two steps leaves nothing behind when the record comes again.
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

	void apply(Message<byte[]> message) {
		Optional<SubmissionEvent> read = this.reader.read(message.getPayload());
		if (read.isEmpty()) {
			this.unknownType.increment();
			logger.debug("Skipped a record the reminders do not use: key={} offset={}",
					message.getHeaders().get(KafkaHeaders.RECEIVED_KEY), message.getHeaders().get(KafkaHeaders.OFFSET));
			return;
		}
		SubmissionEvent event = read.get();
		if (this.deadlines.apply(event, this.clock.instant())) {
			this.applied.increment();
		}
		else {
			this.duplicate.increment();
		}
		this.deadlines.find(event.submissionId()).ifPresent(this.planner::plan);
	}

}
