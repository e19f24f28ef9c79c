package vn.gov.cchc.notification.reminder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The providers a reminder test sends to, as real servers on free ports: GreenMail for
 * SMTP, with the archive mailbox readable over IMAP, and the SMS gateway.
 */
final class Providers implements AutoCloseable {

	static final String ARCHIVE = "luutru@cchc.test";

	final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

	final SmsProvider sms;

	Providers() {
		this.mail.start();
		this.mail.setUser(ARCHIVE, "luutru", "luutru-secret");
		this.sms = new SmsProvider();
	}

	/** Points a test's context at these servers. */
	void register(DynamicPropertyRegistry registry) {
		settings().forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * The same settings as command-line arguments, for a service in a process of its own.
	 */
	List<String> arguments() {
		return settings().entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toList();
	}

	/**
	 * The messages in the mailboxes of a domain. GreenMail's own per-domain query would
	 * also count the archive's copies, which carry the same To header.
	 */
	List<MimeMessage> emailsTo(String domain) {
		List<MimeMessage> messages = new ArrayList<>();
		for (GreenMailUser user : this.mail.getUserManager().listUser()) {
			if (user.getEmail().endsWith("@" + domain)) {
				try {
					this.mail.getManagers()
						.getImapHostManager()
						.getInbox(user)
						.getMessages()
						.forEach((stored) -> messages.add(stored.getMimeMessage()));
				}
				catch (FolderException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return messages;
	}

	private Map<String, String> settings() {
		return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port",
				Integer.toString(this.mail.getSmtp().getPort()), "cchc.notification.email.archive.address", ARCHIVE,
				"cchc.notification.email.archive.imap.host", "127.0.0.1", "cchc.notification.email.archive.imap.port",
				Integer.toString(this.mail.getImap().getPort()), "cchc.notification.email.archive.imap.username",
				"luutru", "cchc.notification.email.archive.imap.password", "luutru-secret",
				"cchc.notification.sms.base-url", this.sms.baseUrl());
	}

	@Override
	public void close() {
		this.sms.close();
		this.mail.stop();
	}

}
