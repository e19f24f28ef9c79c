package vn.gov.cchc.report.period;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working calendar and the settings of the period engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeriodsProperties.class)
class PeriodsConfiguration {

	@Bean
	WorkingCalendar workingCalendar(PeriodsProperties properties) {
		return WorkingCalendar.vietnam(properties.extraHolidays(), properties.extraWorkingDays());
	}

}
