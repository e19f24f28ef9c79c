package vn.gov.cchc.plan.plan;

import vn.gov.cchc.events.Topics;
import vn.gov.cchc.outbox.Outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the plan events wait: the {@code outbox} of each plan's document, relayed to
 * {@code cchc.plans} by platform-outbox.
 */
@Configuration(proxyBeanMethods = false)
class PlanOutboxConfiguration {

	/** The plans' outbox. */
	static final Outbox PLAN_EVENTS = new Outbox("plan", Plans.COLLECTION, "outbox", Topics.PLANS);

	@Bean
	Outbox planEventsOutbox() {
		return PLAN_EVENTS;
	}

}
