package vn.gov.cchc.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link CloudEventJson} of a service, for its consumers, publishers and
 * topologies alike.
 */
@AutoConfiguration
public class CloudEventAutoConfiguration {

	/**
	 * Named apart from the {@code cloudEventJson} a service may still declare, which then
	 * replaces this one rather than clashing with it.
	 */
	@Bean
	@ConditionalOnMissingBean
	CloudEventJson platformCloudEventJson() {
		return new CloudEventJson();
	}

}
