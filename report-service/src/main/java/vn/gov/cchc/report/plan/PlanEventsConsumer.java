package vn.gov.cchc.report.plan;

import java.time.Instant;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PlanAmended;
import vn.gov.cchc.events.PlanClosed;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanIssued;
import vn.gov.cchc.messaging.CloudEventJson;
import vn.gov.cchc.messaging.ReceivedCloudEvent;

import org.springframework.messaging.Message;

/**
 * Keeps {@link Plans} up to date from {@code cchc.plans}. Every plan event carries the
 * plan's whole state, so keeping the newest is enough and a redelivery or replay is
 * harmless. Unknown event types are skipped, not failed.
 */
public class PlanEventsConsumer implements Consumer<Message<byte[]>> {

	private static final Logger logger = LoggerFactory.getLogger(PlanEventsConsumer.class);

	private final CloudEventJson reader;

	private final Plans plans;

	private final Counter applied;

	private final Counter stale;

	private final Counter skipped;

	public PlanEventsConsumer(CloudEventJson reader, Plans plans, MeterRegistry registry) {
		this.reader = reader;
		this.plans = plans;
		this.applied = Counter.builder("cchc.plan.applied")
			.description("Plan events stored in the plans collection")
			.register(registry);
		this.stale = Counter.builder("cchc.plan.stale")
			.description("Plan events ignored because a newer state was already stored")
			.register(registry);
		this.skipped = Counter.builder("cchc.plan.skipped")
			.description("Events on cchc.plans of a type this service does not know")
			.register(registry);
	}

	@Override
	public void accept(Message<byte[]> message) {
		ReceivedCloudEvent event = this.reader.read(message.getPayload());
		switch (event.type()) {
			case EventTypes.PLAN_ISSUED_V1 -> {
				PlanIssued issued = event.as(PlanIssued.class).data();
				record(issued.plan(), issued.occurredAt());
			}
			case EventTypes.PLAN_AMENDED_V1 -> {
				PlanAmended amended = event.as(PlanAmended.class).data();
				record(amended.plan(), amended.occurredAt());
			}
			case EventTypes.PLAN_CLOSED_V1 -> {
				PlanClosed closed = event.as(PlanClosed.class).data();
				record(closed.plan(), closed.occurredAt());
			}
			default -> {
				this.skipped.increment();
				logger.info("Skipped event {} of unknown type {} on the plans topic", event.id(), event.type());
			}
		}
	}

	private void record(PlanDetails plan, Instant occurredAt) {
		if (this.plans.record(plan, occurredAt)) {
			this.applied.increment();
		}
		else {
			this.stale.increment();
			logger.debug("Ignored version {} of plan {}: a newer state is stored", plan.version(), plan.planId());
		}
	}

}
