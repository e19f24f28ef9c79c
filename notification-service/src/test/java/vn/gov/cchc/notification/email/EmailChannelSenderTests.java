package vn.gov.cchc.notification.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import vn.gov.cchc.notification.reminder.ChannelSender.Lookup;
import vn.gov.cchc.notification.reminder.DeliveryException;
import vn.gov.cchc.notification.reminder.Digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static vn.gov.cchc.notification.email.Digests.HOA_LONG;
import static vn.gov.cchc.notification.email.Digests.VI;

class EmailChannelSenderTests {

	private static final String ARCHIVE = "archive@cchc.local";

	private static final String DELIVERY = "27-2022-22-KH-UBND:2026-Q2:26881:BEFORE:EMAIL";

	@RegisterExtension
	final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
		.withConfiguration(GreenMailConfiguration.aConfig().withUser(ARCHIVE, "archive", "secret"))
		.withPerMethodLifecycle(true);

	private final EmailComposer composer = new EmailComposer("CCHC Bắc Ninh");

	@Test
	void sendsTheDigestAsAlternativeTextAndHtmlUnderTheDeliveryMessageId() throws Exception {
		EmailChannelSender sender = sender(smtp(), archive(imapPort(), "secret"));

		String reference = sender.send(Digests.single(DELIVERY, HOA_LONG, VI));

		assertThat(this.greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
		MimeMessage received = receivedBy("hoalong@bacninh.gov.vn");
		String messageId = "<27-2022-22-KH-UBND=3A2026-Q2=3A26881=3ABEFORE=3AEMAIL@cchc.test>";
		assertThat(reference).isEqualTo(messageId);
		assertThat(received.getMessageID()).isEqualTo(messageId);
		assertThat(received.getHeader(EmailChannelSender.DELIVERY_HEADER)).containsExactly(DELIVERY);
		assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(received.getSubject()).isEqualTo("[CCHC] Nhắc hạn nộp báo cáo: 2026-Q2 hạn 09/07/2026");
		assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		InternetAddress to = (InternetAddress) received.getRecipients(Message.RecipientType.TO)[0];
		assertThat(to.getAddress()).isEqualTo("hoalong@bacninh.gov.vn");
		assertThat(to.getPersonal()).isEqualTo("Nguyễn Văn An");
		InternetAddress from = (InternetAddress) received.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("no-reply@cchc.local");
		assertThat(from.getPersonal()).isEqualTo("CCHC Bắc Ninh");
		assertThat(received.getHeader("Bcc")).isNull();
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain")
			.containsIgnoringCase("charset=UTF-8");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
		assertThat((String) parts.getBodyPart(0).getContent()).contains("Kính gửi: Ông/Bà Nguyễn Văn An – Xã Hòa Long")
			.contains("09/07/2026 (còn 3 ngày)");
		assertThat((String) parts.getBodyPart(1).getContent()).contains("<strong>Xã Hòa Long</strong>")
			.contains("href=\"https://cchc.local/submissions/27-2022-22-KH-UBND/2026-Q2/26881\"");
		MimeMessage copy = receivedBy(ARCHIVE);
		assertThat(copy.getMessageID()).isEqualTo(messageId);
		assertThat(copy.getSubject()).isEqualTo(received.getSubject());
	}

	@Test
	void findsASentDeliveryInTheArchiveAndNotAnother() throws Exception {
		EmailChannelSender sender = sender(smtp(), archive(imapPort(), "secret"));
		sender.send(Digests.single("reminder:10", HOA_LONG, VI));
		assertThat(this.greenMail.waitForIncomingEmail(5_000, 2)).isTrue();

		assertThat(sender.lookup("reminder:10")).isEqualTo(Lookup.FOUND);
		assertThat(sender.lookup("reminder:1")).isEqualTo(Lookup.NOT_FOUND);
		assertThat(sender.lookup("reminder:11")).isEqualTo(Lookup.NOT_FOUND);
	}

	@Test
	void findsADeliveryByReadingTheMessageIdsAsByASearch() throws Exception {
		EmailChannelSender sender = sender(smtp(), archive(imapPort(), "secret"));
		sender.send(Digests.single("reminder:20", HOA_LONG, VI));
		assertThat(this.greenMail.waitForIncomingEmail(5_000, 2)).isTrue();

		try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
			store.connect("127.0.0.1", imapPort(), "archive", "secret");
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			assertThat(EmailChannelSender.containsByHeaders(inbox, MessageIds.of("reminder:20", "cchc.test"))).isTrue();
			assertThat(EmailChannelSender.containsByHeaders(inbox, MessageIds.of("reminder:2", "cchc.test"))).isFalse();
			assertThat(EmailChannelSender.contains(inbox, MessageIds.of("reminder:20", "cchc.test"))).isTrue();
			assertThat(EmailChannelSender.contains(inbox, MessageIds.of("reminder:2", "cchc.test"))).isFalse();
			inbox.close(false);
		}
	}

	@Test
	void cannotTellWhetherADeliveryWentWhenTheArchiveIsUnreachable() throws Exception {
		EmailChannelSender sender = sender(smtp(), archive(closedPort(), "secret"));

		assertThat(sender.lookup(DELIVERY)).isEqualTo(Lookup.UNKNOWN);
	}

	@Test
	void cannotTellWhetherADeliveryWentWhenTheArchiveRefusesTheLogin() {
		EmailChannelSender sender = sender(smtp(), archive(imapPort(), "wrong"));

		assertThat(sender.lookup(DELIVERY)).isEqualTo(Lookup.UNKNOWN);
	}

	@Test
	void cannotTellWhetherADeliveryWentWithoutAnArchiveToRead() throws Exception {
		EmailChannelSender copiesOnly = sender(smtp(), new EmailProperties.Archive(ARCHIVE, imap(null, 143, "secret")));
		EmailChannelSender noArchive = sender(smtp(), new EmailProperties.Archive(null, imap(null, 143, "secret")));
		copiesOnly.send(Digests.single(DELIVERY, HOA_LONG, VI));

		assertThat(copiesOnly.lookup(DELIVERY)).isEqualTo(Lookup.UNKNOWN);
		assertThat(noArchive.lookup(DELIVERY)).isEqualTo(Lookup.UNKNOWN);
	}

	@Test
	void sendsNoArchiveCopyWithoutAnArchiveAddress() throws Exception {
		sender(smtp(), new EmailProperties.Archive(null, imap(null, 143, "secret")))
			.send(Digests.single(DELIVERY, HOA_LONG, VI));

		assertThat(this.greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
		assertThat(this.greenMail.getReceivedMessages()).hasSize(1);
		assertThat(receivedBy("hoalong@bacninh.gov.vn").getMessageID()).contains("@cchc.test>");
	}

	@Test
	void failsTransientlyWhenTheSmtpServerIsDown() {
		JavaMailSenderImpl smtp = smtp();
		this.greenMail.stop();
		EmailChannelSender sender = sender(smtp, noArchive());

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
			.satisfies((ex) -> assertThat(ex.permanent()).isFalse());
	}

	@Test
	void failsTransientlyWhenTheSmtpServerDoesNotAnswer() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			JavaMailSenderImpl smtp = smtp(silent.getLocalPort());
			smtp.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "500");
			smtp.getJavaMailProperties().setProperty("mail.smtp.timeout", "500");
			EmailChannelSender sender = sender(smtp, noArchive());

			assertThatExceptionOfType(DeliveryException.class)
				.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
				.satisfies((ex) -> assertThat(ex.permanent()).isFalse());
		}
	}

	@Test
	void failsPermanentlyWhenTheSmtpServerRefusesTheCredentials() {
		JavaMailSenderImpl smtp = smtp();
		smtp.setUsername("archive");
		smtp.setPassword("wrong");
		smtp.getJavaMailProperties().setProperty("mail.smtp.auth", "true");
		EmailChannelSender sender = sender(smtp, noArchive());

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
			.satisfies((ex) -> assertThat(ex.permanent()).isTrue());
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void failsPermanentlyForAUnitWithoutAnEmailAddress() {
		EmailChannelSender sender = sender(smtp(), noArchive());

		for (String email : new String[] { null, " " }) {
			Digest digest = Digests.single(DELIVERY, Digests.recipient("Xã Hòa Long", "Nguyễn Văn An", email), VI);
			assertThatExceptionOfType(DeliveryException.class).isThrownBy(() -> sender.send(digest))
				.satisfies((ex) -> assertThat(ex.permanent()).isTrue())
				.withMessageContaining("26881 has no email address");
		}
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void failsPermanentlyForAnAddressThatIsNotOne() {
		EmailChannelSender sender = sender(smtp(), noArchive());
		Digest digest = Digests.single(DELIVERY, Digests.recipient("Xã Hòa Long", null, "hoalong at bacninh.gov.vn"),
				VI);

		assertThatExceptionOfType(DeliveryException.class).isThrownBy(() -> sender.send(digest))
			.satisfies((ex) -> assertThat(ex.permanent()).isTrue())
			.withMessageContaining("is not one");
		assertThat(this.greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void failsPermanentlyWhenTheServerRefusesTheRecipientWithA5xxReply() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(
				Map.of("hoalong@bacninh.gov.vn", "550 5.1.1 Mailbox unavailable"), "250 OK")) {
			EmailChannelSender sender = sender(smtp(server.port()), noArchive());

			assertThatExceptionOfType(DeliveryException.class)
				.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
				.satisfies((ex) -> assertThat(ex.permanent()).isTrue())
				.withMessageContaining("hoalong@bacninh.gov.vn");
		}
	}

	@Test
	void failsPermanentlyWhenTheServerRefusesTheArchiveAddressWithA5xxReply() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(Map.of(ARCHIVE, "553 5.1.3 Not a local mailbox"),
				"250 OK")) {
			EmailChannelSender sender = sender(smtp(server.port()), archive(closedPort(), "secret"));

			assertThatExceptionOfType(DeliveryException.class)
				.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
				.satisfies((ex) -> assertThat(ex.permanent()).isTrue())
				.withMessageContaining(ARCHIVE);
		}
	}

	@Test
	void failsTransientlyWhenTheServerDefersTheRecipientWithA4xxReply() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(
				Map.of("hoalong@bacninh.gov.vn", "451 4.3.0 Try again later"), "250 OK")) {
			EmailChannelSender sender = sender(smtp(server.port()), noArchive());

			assertThatExceptionOfType(DeliveryException.class)
				.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
				.satisfies((ex) -> assertThat(ex.permanent()).isFalse());
		}
	}

	@Test
	void failsPermanentlyWhenTheServerRefusesTheMessageWithA5xxReply() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(Map.of(), "554 5.7.1 Message refused")) {
			EmailChannelSender sender = sender(smtp(server.port()), noArchive());

			assertThatExceptionOfType(DeliveryException.class)
				.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
				.satisfies((ex) -> assertThat(ex.permanent()).isTrue())
				.withMessageContaining("554 5.7.1 Message refused");
		}
	}

	@Test
	void failsTransientlyWhenTheServerDefersTheMessageWithA4xxReply() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(Map.of(), "452 4.3.1 Insufficient system storage")) {
			EmailChannelSender sender = sender(smtp(server.port()), noArchive());

			assertThatExceptionOfType(DeliveryException.class)
				.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
				.satisfies((ex) -> assertThat(ex.permanent()).isFalse());
		}
	}

	@Test
	void anEmailWhoseDataGetsNoAnswerIsInDoubtAndNotSentAgainAtOnce() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer(Map.of(), null)) {
			JavaMailSenderImpl smtp = smtp(server.port());
			smtp.getJavaMailProperties().setProperty("mail.smtp.timeout", "500");
			EmailChannelSender sender = sender(smtp, noArchive());

			assertThatExceptionOfType(DeliveryException.class)
				.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
				.satisfies((ex) -> {
					assertThat(ex.inDoubt()).as("the server may have taken it").isTrue();
					assertThat(ex.retryable()).isFalse();
				});
			assertThat(server.messages()).as("the message data the server received").isOne();
		}
	}

	@Test
	void aServerThatDoesNotGreetLeavesNoDoubt() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			JavaMailSenderImpl smtp = smtp(silent.getLocalPort());
			smtp.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "500");
			smtp.getJavaMailProperties().setProperty("mail.smtp.timeout", "500");
			EmailChannelSender sender = sender(smtp, noArchive());

			assertThatExceptionOfType(DeliveryException.class)
				.isThrownBy(() -> sender.send(Digests.single(DELIVERY, HOA_LONG, VI)))
				.satisfies((ex) -> assertThat(ex.retryable()).as("nothing was sent: tried again").isTrue());
		}
	}

	private EmailChannelSender sender(JavaMailSenderImpl smtp, EmailProperties.Archive archive) {
		return new EmailChannelSender(smtp, this.composer,
				new EmailProperties("CCHC Bắc Ninh <no-reply@cchc.local>", "cchc.test", archive));
	}

	private JavaMailSenderImpl smtp() {
		return smtp(this.greenMail.getSmtp().getPort());
	}

	private static JavaMailSenderImpl smtp(int port) {
		JavaMailSenderImpl smtp = new JavaMailSenderImpl();
		smtp.setHost("127.0.0.1");
		smtp.setPort(port);
		smtp.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "5000");
		smtp.getJavaMailProperties().setProperty("mail.smtp.timeout", "5000");
		return smtp;
	}

	private int imapPort() {
		return this.greenMail.getImap().getPort();
	}

	private static EmailProperties.Archive archive(int imapPort, String password) {
		return new EmailProperties.Archive(ARCHIVE, imap("127.0.0.1", imapPort, password));
	}

	private static EmailProperties.Archive noArchive() {
		return new EmailProperties.Archive(null, imap(null, 143, "secret"));
	}

	private static EmailProperties.Imap imap(@Nullable String host, int port, String password) {
		return new EmailProperties.Imap(host, port, "archive", password, "INBOX", Duration.ofSeconds(2));
	}

	private MimeMessage receivedBy(String email) {
		return this.greenMail.findReceivedMessages((user) -> user.getEmail().equals(email), (message) -> true)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No message for " + email));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
