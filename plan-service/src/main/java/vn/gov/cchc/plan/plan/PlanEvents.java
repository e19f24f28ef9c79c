package vn.gov.cchc.plan.plan;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import vn.gov.cchc.events.EventTypes;
import vn.gov.cchc.events.PlanAmended;
import vn.gov.cchc.events.PlanClosed;
import vn.gov.cchc.events.PlanDetails;
import vn.gov.cchc.events.PlanIssued;
import vn.gov.cchc.outbox.OutboxEvent;

import org.springframework.stereotype.Component;

/**
 * Makes the CloudEvent announcing a plan change, as the outbox event written with it,
 * keyed by the plan id.
 */
@Component
class PlanEvents {

	static final URI SOURCE = URI.create("/cchc/plan-service");

	/**
	 * Below the broker's default {@code message.max.bytes} (1 MiB), so that an accepted
	 * change can always be published.
	 */
	static final int MAX_EVENT_BYTES = 900_000;

	OutboxEvent issued(PlanDetails plan, Instant occurredAt) {
		return entry(EventTypes.PLAN_ISSUED_V1, plan, occurredAt, new PlanIssued(plan, occurredAt));
	}

	OutboxEvent amended(PlanDetails plan, Instant occurredAt) {
		return entry(EventTypes.PLAN_AMENDED_V1, plan, occurredAt, new PlanAmended(plan, occurredAt));
	}

	OutboxEvent closed(PlanDetails plan, Instant occurredAt) {
		return entry(EventTypes.PLAN_CLOSED_V1, plan, occurredAt, new PlanClosed(plan, occurredAt));
	}

	private OutboxEvent entry(String type, PlanDetails plan, Instant occurredAt, Object data) {
		OutboxEvent event = OutboxEvent.announcing(SOURCE, type, plan.planId(), occurredAt, data);
		int length = event.cloudEvent().getBytes(StandardCharsets.UTF_8).length;
		if (length > MAX_EVENT_BYTES) {
			throw PlanProblems.tooLarge("Kế hoạch khi công bố dài " + length + " byte, vượt giới hạn " + MAX_EVENT_BYTES
					+ " byte; hãy rút gọn các đoạn văn bản dài.");
		}
		return event;
	}

}
