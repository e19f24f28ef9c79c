package vn.gov.cchc.plan.ingest;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web settings of ingestion: the body cap's properties and the rejection counter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestWebConfiguration implements WebMvcConfigurer {

	private final MeterRegistry meters;

	IngestWebConfiguration(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new IngestRejections(this.meters))
			.addPathPatterns(ProgressController.PATH, ProgressController.BATCH_PATH, ProgressController.PATH + "/**");
	}

}
