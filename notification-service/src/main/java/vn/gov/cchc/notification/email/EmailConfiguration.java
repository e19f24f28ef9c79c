package vn.gov.cchc.notification.email;

import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The email channel: its composer and its sender, over the {@link JavaMailSender} that
 * Spring Boot makes from {@code spring.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

	@Bean
	EmailComposer emailComposer(EmailProperties properties) {
		InternetAddress from = EmailChannelSender.sender(properties.from());
		return new EmailComposer((from.getPersonal() != null) ? from.getPersonal() : from.getAddress());
	}

	@Bean
	EmailChannelSender emailChannelSender(JavaMailSender mailSender, EmailComposer emailComposer,
			EmailProperties properties) {
		return new EmailChannelSender(mailSender, emailComposer, properties);
	}

}
