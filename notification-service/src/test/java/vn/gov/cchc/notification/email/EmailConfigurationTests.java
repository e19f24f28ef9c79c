package vn.gov.cchc.notification.email;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EmailConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(EmailConfiguration.class)
		.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=3025");

	@Test
	void makesTheSenderFromTheDefaultsWithoutATemplateEngineBean() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(EmailChannelSender.class).hasSingleBean(EmailComposer.class);
			assertThat(context.getBeansOfType(ITemplateEngine.class)).isEmpty();
			assertThat(context.getBean(EmailProperties.class)).isEqualTo(new EmailProperties(
					"CCHC Bắc Ninh <no-reply@cchc.local>", "cchc.local", new EmailProperties.Archive(null,
							new EmailProperties.Imap(null, 143, null, null, "INBOX", Duration.ofSeconds(5)))));
		});
	}

	@Test
	void bindsTheArchive() {
		this.contexts.withPropertyValues("cchc.notification.email.archive.address=luu-vt@cchc.local",
				"cchc.notification.email.archive.imap.host=imap.cchc.local",
				"cchc.notification.email.archive.imap.port=993", "cchc.notification.email.archive.imap.username=luu-vt",
				"cchc.notification.email.archive.imap.password=secret",
				"cchc.notification.email.archive.imap.folder=Lưu VT", "cchc.notification.email.archive.imap.timeout=2s")
			.run((context) -> assertThat(context.getBean(EmailProperties.class).archive())
				.isEqualTo(new EmailProperties.Archive("luu-vt@cchc.local", new EmailProperties.Imap("imap.cchc.local",
						993, "luu-vt", "secret", "Lưu VT", Duration.ofSeconds(2)))));
	}

	@Test
	void refusesAnArchiveToReadWithoutAnAddressToCopyTo() {
		this.contexts.withPropertyValues("cchc.notification.email.archive.imap.host=imap.cchc.local")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("archive.imap.host needs archive.address"));
	}

	@Test
	void refusesAMessageIdDomainThatIsNotADomainName() {
		this.contexts.withPropertyValues("cchc.notification.email.message-id-domain=cchc local")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("messageIdDomain"));
	}

	@Test
	void refusesASenderThatIsNotAnAddress() {
		this.contexts.withPropertyValues("cchc.notification.email.from=CCHC Bắc Ninh")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("cchc.notification.email.from is not an email address"));
	}

}
