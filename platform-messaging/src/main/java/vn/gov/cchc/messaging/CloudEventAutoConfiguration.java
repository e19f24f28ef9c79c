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

	@Bean
	@ConditionalOnMissingBean
	CloudEventJson cloudEventJson() {
		return new CloudEventJson();
	}

}
