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
	 * Named apart from a service's own bean of that name, such as plan-service's reader.
	 */
	@Bean
	@ConditionalOnMissingBean
	CloudEventJson platformCloudEventJson() {
		return new CloudEventJson();
	}

}
