package vn.gov.cchc.notification.sms;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS channel's beans, the gateway chosen by {@code cchc.notification.sms.provider}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

	@Bean
	SmsGateway smsGateway(SmsProperties properties) {
		if (GenericJsonSmsGateway.PROVIDER.equals(properties.provider())) {
			return new GenericJsonSmsGateway(properties);
		}
		throw new IllegalStateException(
				"Unknown SMS provider '%s' in cchc.notification.sms.provider; the providers are: %s"
					.formatted(properties.provider(), GenericJsonSmsGateway.PROVIDER));
	}

	@Bean
	SmsComposer smsComposer(SmsProperties properties) {
		return new SmsComposer(properties.keepDiacritics(), properties.maxSegments());
	}

	@Bean
	SmsChannelSender smsChannelSender(SmsComposer smsComposer, SmsGateway smsGateway, MeterRegistry meterRegistry) {
		return new SmsChannelSender(smsComposer, smsGateway, meterRegistry);
	}

}
