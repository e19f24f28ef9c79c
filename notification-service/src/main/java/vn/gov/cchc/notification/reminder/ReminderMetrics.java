package vn.gov.cchc.notification.reminder;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The delivery log as metrics: {@code cchc.reminders.deliveries} (by channel and
 * outcome), {@code cchc.reminders.fallbacks}, {@code cchc.reminders.undeliverable},
 * {@code cchc.reminders.in-doubt} (by how the doubt was resolved) and the gauge
 * {@code cchc.reminders.due} of reminders whose time had come at the start of the last
 * round (at most one batch: counting them all would read every reminder each round), and
 * {@code cchc.reminders.unresolved}: deliveries whose doubt is left to an operator.
 */
@Component
class ReminderMetrics {

	private final MeterRegistry meters;

	private final AtomicLong due = new AtomicLong();

	ReminderMetrics(MeterRegistry meters, Deliveries deliveries) {
		this.meters = meters;
		Gauge.builder("cchc.reminders.due", this.due, AtomicLong::get)
			.description("Reminders whose time had come at the start of the last dispatch round, at most one batch")
			.register(meters);
		Gauge.builder("cchc.reminders.unresolved", deliveries, Deliveries::unresolved)
			.description("Deliveries in doubt for longer than the service waits, left to an operator's decision")
			.register(meters);
	}

	void due(long count) {
		this.due.set(count);
	}

	void sent(Channel channel, boolean fallback) {
		deliveries(channel, "sent").increment();
		if (fallback) {
			Counter.builder("cchc.reminders.fallbacks")
				.description("Messages that carried reminders of a channel that had failed")
				.tag("channel", channel.name())
				.register(this.meters)
				.increment();
		}
	}

	void failed(Channel channel, boolean permanent, boolean handedOver) {
		deliveries(channel, permanent ? "refused" : "failed").increment();
		if (!handedOver && !permanent) {
			Counter.builder("cchc.reminders.delayed")
				.description("Failed messages whose reminders wait for a later try, no other channel taking them")
				.tag("channel", channel.name())
				.register(this.meters)
				.increment();
		}
	}

	void undeliverable(Channel channel) {
		Counter.builder("cchc.reminders.undeliverable")
			.description("Reminders no channel can deliver: refused for good and no other address")
			.tag("channel", channel.name())
			.register(this.meters)
			.increment();
	}

	void inDoubt(String resolution) {
		Counter.builder("cchc.reminders.in-doubt")
			.description("Messages whose outcome was lost (an instance died, or the provider's answer never came), "
					+ "by what became of them")
			.tag("resolution", resolution)
			.register(this.meters)
			.increment();
	}

	private Counter deliveries(Channel channel, String outcome) {
		return Counter.builder("cchc.reminders.deliveries")
			.description("Reminder messages by channel and outcome")
			.tag("channel", channel.name())
			.tag("outcome", outcome)
			.register(this.meters);
	}

}
