package vn.gov.cchc.notification.email;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.StreamProvider;

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

	private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	@Bean
	EmailComposer emailComposer(EmailProperties properties) {
		InternetAddress from = EmailChannelSender.sender(properties.from());
		return new EmailComposer((from.getPersonal() != null) ? from.getPersonal() : from.getAddress());
	}

	@Bean
	EmailChannelSender emailChannelSender(JavaMailSender mailSender, EmailComposer emailComposer,
			EmailProperties properties) {
		nameTheStreamProvider();
		return new EmailChannelSender(mailSender, emailComposer, properties);
	}

	/**
	 * Names Angus Mail's stream provider, unless something already named one.
	 * jakarta.mail 2.1 looks its {@code StreamProvider} up through the
	 * {@code ServiceLoader} for every header it encodes and every body part it writes,
	 * reading every jar's {@code META-INF/services} each time: in a JFR profile of a run
	 * of 3,000 reminders that was a third of the email threads' samples. Named, it is a
	 * class lookup.
	 */
	static void nameTheStreamProvider() {
		String property = StreamProvider.class.getName();
		if (System.getProperty(property) != null) {
			return;
		}
		try {
			Class.forName(ANGUS_STREAM_PROVIDER, false, EmailConfiguration.class.getClassLoader());
			System.setProperty(property, ANGUS_STREAM_PROVIDER);
		}
		catch (ClassNotFoundException ex) {
			// Another implementation of jakarta.mail: left to its own lookup.
		}
	}

}
