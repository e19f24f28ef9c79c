package vn.gov.cchc.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service of the platform starts from, below its own configuration. The
 * services take JSON only, so Spring's filter that parses form bodies of PUT, PATCH and
 * DELETE requests is off: it fails on a bad escape before any handler can answer.
 */
class PlatformWebDefaults implements EnvironmentPostProcessor {

	static final String NAME = "cchc-platform-web-defaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(NAME, Map.of("spring.mvc.formcontent.filter.enabled", "false")));
	}

}
