package vn.gov.cchc.notification.sms;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class SmsConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(SmsConfiguration.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void everySettingHasADefaultThatWorksOnOneBox() {
		this.context.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(SmsChannelSender.class)
				.getBean(SmsGateway.class)
				.isInstanceOf(GenericJsonSmsGateway.class);
			assertThat(context.getBean(SmsProperties.class))
				.isEqualTo(new SmsProperties("generic-json", URI.create("http://localhost:8089/sms/v1"), null, null,
						null, "CCHC", false, 2, Duration.ofSeconds(2), Duration.ofSeconds(5)));
		});
	}

	@Test
	void settingsAreReadFromTheSmsKeys() {
		this.context
			.withPropertyValues("cchc.notification.sms.base-url=https://sms.example.vn/api/v2",
					"cchc.notification.sms.api-key=k-1", "cchc.notification.sms.sender=SONOIVU-BN",
					"cchc.notification.sms.keep-diacritics=true", "cchc.notification.sms.max-segments=3",
					"cchc.notification.sms.read-timeout=10s")
			.run((context) -> assertThat(context.getBean(SmsProperties.class))
				.isEqualTo(new SmsProperties("generic-json", URI.create("https://sms.example.vn/api/v2"), "k-1", null,
						null, "SONOIVU-BN", true, 3, Duration.ofSeconds(2), Duration.ofSeconds(10))));
	}

	@Test
	void anUnknownProviderStopsTheStartWithTheProvidersThereAre() {
		this.context.withPropertyValues("cchc.notification.sms.provider=viettel-soap")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("Unknown SMS provider 'viettel-soap' in cchc.notification.sms.provider; "
						+ "the providers are: generic-json"));
	}

	@Test
	void moreThanTenSegmentsIsRefusedAtStart() {
		this.context.withPropertyValues("cchc.notification.sms.max-segments=11")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("maxSegments")
				.hasStackTraceContaining("10"));
		this.context.withPropertyValues("cchc.notification.sms.max-segments=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void aBrandnameLongerThanElevenCharactersIsRefusedAtStart() {
		this.context.withPropertyValues("cchc.notification.sms.sender=UBND-TINH-BAC-NINH")
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("sender"));
	}

}
