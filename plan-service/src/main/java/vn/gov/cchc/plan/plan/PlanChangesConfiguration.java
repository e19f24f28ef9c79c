package vn.gov.cchc.plan.plan;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code planChanges} function, bound as {@code planChanges-in-0} to
 * {@code cchc.plans} without a group.
 */
@Configuration(proxyBeanMethods = false)
class PlanChangesConfiguration {

	@Bean
	Consumer<Message<List<byte[]>>> planChanges(Plans plans) {
		return new PlanChangesFeed(plans);
	}

}
