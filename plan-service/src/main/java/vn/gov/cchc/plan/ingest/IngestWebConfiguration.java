package vn.gov.cchc.plan.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.cchc.security.EndpointRules;
import vn.gov.cchc.security.Role;
import vn.gov.cchc.web.BodyLimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web settings of ingestion: who may send progress, the batch's body cap and the
 * rejection counter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestWebConfiguration implements WebMvcConfigurer {

	private final MeterRegistry meters;

	IngestWebConfiguration(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Progress comes from a unit's officers and from its own system, each only for its
	 * own unit (the controller checks every report's {@code unitCode}).
	 */
	@Bean
	EndpointRules progressEndpointRules() {
		return (requests) -> requests
			.requestMatchers(ProgressController.PATH, ProgressController.BATCH_PATH, ProgressController.PATH + "/**")
			.hasAnyRole(Role.OFFICER.name(), Role.MACHINE.name());
	}

	/** A batch of up to 1,000 reports, with notes, is larger than one report. */
	@Bean
	BodyLimit batchBodyLimit(IngestProperties properties) {
		return new BodyLimit(ProgressController.BATCH_PATH, properties.maxBatchBodyBytes());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new IngestRejections(this.meters))
			.addPathPatterns(ProgressController.PATH, ProgressController.BATCH_PATH, ProgressController.PATH + "/**");
	}

}
