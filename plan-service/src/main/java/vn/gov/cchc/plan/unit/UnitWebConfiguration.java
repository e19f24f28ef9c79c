package vn.gov.cchc.plan.unit;

import vn.gov.cchc.plan.web.BodyLimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Web settings of the unit tree.
 */
@Configuration(proxyBeanMethods = false)
class UnitWebConfiguration {

	/** A whole country's units in one CSV is about 1.5 MB. */
	@Bean
	BodyLimit importBodyLimit(@Value("${cchc.units.import-max-body-bytes:16777216}") long maxBytes) {
		return new BodyLimit(UnitApi.IMPORT, maxBytes);
	}

}
