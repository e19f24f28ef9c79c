package vn.gov.cchc.notification.email;

import java.io.UnsupportedEncodingException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.MessageIDTerm;
import jakarta.mail.search.SearchException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import vn.gov.cchc.notification.reminder.Channel;
import vn.gov.cchc.notification.reminder.ChannelSender;
import vn.gov.cchc.notification.reminder.DeliveryException;
import vn.gov.cchc.notification.reminder.Digest;
import vn.gov.cchc.notification.reminder.Recipient;

/**
 * Sends digests by email through Spring's {@link JavaMailSender}, one SMTP transaction
 * per call.
 * <p>
 * Every message carries the Message-ID {@code <delivery id@domain>} and the header
 * {@value #DELIVERY_HEADER}, and goes in blind copy to the archive mailbox when one is
 * configured, as every outgoing official document keeps its "Lưu: VT" copy.
 * <p>
 * Failures are permanent when the same message can never be accepted: the SMTP server
 * refused our credentials, refused an address with a 5xx reply (with
 * {@code mail.smtp.sendpartial} off, as by default, one refused address stops the whole
 * message), refused the message itself with a 5xx reply, or the address is not one. A
 * server that stops answering once the transaction has begun leaves the message in doubt:
 * it may have taken it. Everything else (no connection, a 4xx reply) is transient.
 */
public final class EmailChannelSender implements ChannelSender {

	/** The header that names the delivery, for people reading the archive. */
	public static final String DELIVERY_HEADER = "X-CCHC-Delivery";

	private static final Logger logger = LoggerFactory.getLogger(EmailChannelSender.class);

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private final JavaMailSender mailSender;

	private final EmailComposer composer;

	private final InternetAddress from;

	private final String messageIdDomain;

	private final EmailProperties.Archive archive;

	private final @Nullable InternetAddress archiveAddress;

	public EmailChannelSender(JavaMailSender mailSender, EmailComposer composer, EmailProperties properties) {
		this.mailSender = mailSender;
		this.composer = composer;
		this.from = sender(properties.from());
		this.messageIdDomain = properties.messageIdDomain();
		this.archive = properties.archive();
		this.archiveAddress = hasText(this.archive.address()) ? address(this.archive.address(), "archive.address")
				: null;
	}

	/**
	 * The configured sender with its display name encoded in UTF-8, whatever the JVM's
	 * default charset.
	 */
	static InternetAddress sender(String from) {
		InternetAddress parsed = address(from, "from");
		try {
			return (parsed.getPersonal() != null)
					? new InternetAddress(parsed.getAddress(), parsed.getPersonal(), UTF_8) : parsed;
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static InternetAddress address(String value, String property) {
		try {
			return new InternetAddress(value.trim(), true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException(
					"cchc.notification.email." + property + " is not an email address: " + value, ex);
		}
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	/**
	 * Sends the digest in one SMTP transaction.
	 * @return the message's Message-ID
	 */
	@Override
	public String send(Digest digest) throws DeliveryException {
		Recipient recipient = digest.recipient();
		String email = recipient.email();
		if (email == null || !recipient.reachableBy(Channel.EMAIL)) {
			throw new DeliveryException("Unit " + recipient.unitCode() + " has no email address", true);
		}
		String messageId = MessageIds.of(digest.deliveryId(), this.messageIdDomain);
		MimeMessage message;
		try {
			message = message(digest, to(recipient, email), messageId);
		}
		catch (AddressException ex) {
			throw new DeliveryException(
					"The email address of unit " + recipient.unitCode() + " is not one: " + ex.getMessage(), true, ex);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new DeliveryException("The email for delivery " + digest.deliveryId() + " could not be built", true,
					ex);
		}
		try {
			this.mailSender.send(message);
		}
		catch (MailException ex) {
			throw failure(digest, ex);
		}
		return messageId;
	}

	private static InternetAddress to(Recipient recipient, String email)
			throws AddressException, UnsupportedEncodingException {
		InternetAddress address = new InternetAddress(email.trim(), true);
		String person = recipient.person();
		return (person != null && !person.isBlank()) ? new InternetAddress(address.getAddress(), person.trim(), UTF_8)
				: new InternetAddress(address.getAddress());
	}

	private MimeMessage message(Digest digest, InternetAddress to, String messageId) throws MessagingException {
		EmailContent content = this.composer.compose(digest);
		MimeMessage message = new DeliveryMessage(this.mailSender.createMimeMessage().getSession(), messageId);
		message.setFrom(this.from);
		message.setRecipient(Message.RecipientType.TO, to);
		if (this.archiveAddress != null) {
			message.setRecipient(Message.RecipientType.BCC, this.archiveAddress);
		}
		message.setSubject(content.subject(), UTF_8);
		message.setSentDate(new Date());
		message.setHeader(DELIVERY_HEADER, headerValue(digest.deliveryId()));
		// RFC 3834: out-of-office replies are not sent back to automatic messages.
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setHeader("Content-Language", Wording.of(digest.language()).language());
		MimeBodyPart text = new MimeBodyPart();
		text.setText(content.text(), UTF_8, "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(content.html(), UTF_8, "html");
		// The richest part last: clients show the last alternative they can.
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.saveChanges();
		return message;
	}

	private static String headerValue(String value) throws MessagingException {
		boolean printable = value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f);
		try {
			return printable ? value : MimeUtility.encodeWord(value, UTF_8, "B");
		}
		catch (UnsupportedEncodingException ex) {
			throw new MessagingException("UTF-8 is unknown", ex);
		}
	}

	private static DeliveryException failure(Digest digest, MailException ex) {
		String what = "Email for delivery " + digest.deliveryId() + " to unit " + digest.recipient().unitCode();
		if (ex instanceof MailAuthenticationException) {
			return new DeliveryException(what + ": the SMTP server refused the credentials", true, ex);
		}
		if (ex instanceof MailSendException send) {
			for (Exception cause : causes(send)) {
				String refusal = permanentRefusal(cause);
				if (refusal != null) {
					return new DeliveryException(what + ": " + refusal, true, ex);
				}
			}
		}
		if (ex instanceof MailSendException send && send.getCause() == null && timedOut(causes(send))) {
			// Connected, then no answer: if it was the answer to the end of the data,
			// the server may have taken the message. The archive is asked after the
			// lease.
			return DeliveryException.inDoubt(what + " got no answer from the SMTP server during its transaction", ex);
		}
		return new DeliveryException(what + " was not sent: " + ex.getMessage(), false, ex);
	}

	private static boolean timedOut(List<Exception> causes) {
		for (Exception failure : causes) {
			Throwable cause = failure;
			for (int depth = 0; cause != null && depth < 10; depth++) {
				if (cause instanceof SocketTimeoutException) {
					return true;
				}
				cause = (cause instanceof MessagingException messaging && messaging.getNextException() != null)
						? messaging.getNextException() : cause.getCause();
			}
		}
		return false;
	}

	private static List<Exception> causes(MailSendException ex) {
		List<Exception> causes = new ArrayList<>(Arrays.asList(ex.getMessageExceptions()));
		if (ex.getCause() instanceof Exception cause) {
			causes.add(cause);
		}
		return causes;
	}

	/** What makes the SMTP server refuse this message for good, if anything does. */
	private static @Nullable String permanentRefusal(Exception ex) {
		if (ex instanceof AuthenticationFailedException) {
			return "the SMTP server refused the credentials";
		}
		if (ex instanceof AddressException) {
			return "an address is not one: " + ex.getMessage();
		}
		if (ex instanceof SendFailedException refused) {
			// SMTPSendFailedException (MAIL FROM or DATA refused) carries the reply as
			// its message; the exception for refused recipients sorts them by reply
			// class.
			Integer reply = replyCode(refused.getMessage());
			if (reply != null) {
				return (reply >= 500) ? "the SMTP server refused the message: " + refused.getMessage().strip() : null;
			}
			Address[] invalid = refused.getInvalidAddresses();
			if (invalid != null && invalid.length > 0) {
				return "the SMTP server refused " + Arrays.toString(invalid) + " with a 5xx reply";
			}
		}
		return null;
	}

	private static @Nullable Integer replyCode(@Nullable String reply) {
		if (reply == null || reply.length() < 3 || !reply.substring(0, 3).chars().allMatch(Character::isDigit)
				|| (reply.length() > 3 && Character.isDigit(reply.charAt(3)))) {
			return null;
		}
		return Integer.valueOf(reply.substring(0, 3));
	}

	/**
	 * Looks the delivery up in the archive mailbox.
	 * <p>
	 * SMTP has no way to ask a server whether it took a message earlier. The archive copy
	 * is a blind-copy recipient of the same SMTP transaction as the real message: the
	 * server accepts the transaction for all its recipients or for none, so finding the
	 * copy proves that the message was accepted, and not finding it proves that it was
	 * not, once the archive has had time to receive what was accepted.
	 * @return {@code FOUND} or {@code NOT_FOUND} from the archive; {@code UNKNOWN} when
	 * no archive is configured to be read, or it cannot be read now
	 */
	@Override
	public Lookup lookup(String deliveryId) {
		if (!this.archive.searchable()) {
			return Lookup.UNKNOWN;
		}
		String messageId = MessageIds.of(deliveryId, this.messageIdDomain);
		EmailProperties.Imap imap = this.archive.imap();
		try (Store store = Session.getInstance(imapProperties(imap)).getStore("imap")) {
			store.connect(imap.host(), imap.port(), imap.username(), imap.password());
			Folder folder = store.getFolder(imap.folder());
			folder.open(Folder.READ_ONLY);
			try {
				return contains(folder, messageId) ? Lookup.FOUND : Lookup.NOT_FOUND;
			}
			finally {
				folder.close(false);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			logger.warn("Could not look delivery {} up in the archive mailbox at {}:{}: {}", deliveryId, imap.host(),
					imap.port(), ex.toString());
			return Lookup.UNKNOWN;
		}
	}

	private static Properties imapProperties(EmailProperties.Imap imap) {
		String timeout = Long.toString(imap.timeout().toMillis());
		Properties properties = new Properties();
		properties.setProperty("mail.imap.connectiontimeout", timeout);
		properties.setProperty("mail.imap.timeout", timeout);
		properties.setProperty("mail.imap.writetimeout", timeout);
		// Without it, a search the server cannot do is redone on the client one message
		// at a time; the fallback below fetches the headers of all messages at once
		// instead.
		properties.setProperty("mail.imap.throwsearchexception", "true");
		return properties;
	}

	/** Whether the open folder holds a message with this Message-ID. */
	static boolean contains(Folder folder, String messageId) throws MessagingException {
		Message[] hits;
		try {
			hits = folder.search(new MessageIDTerm(messageId));
		}
		catch (FolderClosedException | StoreClosedException ex) {
			throw ex;
		}
		catch (SearchException ex) {
			return containsByHeaders(folder, messageId);
		}
		catch (MessagingException ex) {
			// A server that does not know HEADER searches answers BAD, which surfaces
			// here.
			logger.debug("The archive could not search for {}, reading the Message-IDs instead", messageId, ex);
			return containsByHeaders(folder, messageId);
		}
		// A server search matches substrings: keep exact matches only.
		return hasMessageId(hits, messageId);
	}

	/**
	 * The fallback of {@link #contains}: the Message-ID of every message, in one fetch.
	 */
	static boolean containsByHeaders(Folder folder, String messageId) throws MessagingException {
		Message[] messages = folder.getMessages();
		FetchProfile profile = new FetchProfile();
		profile.add("Message-ID");
		folder.fetch(messages, profile);
		return hasMessageId(messages, messageId);
	}

	private static boolean hasMessageId(Message[] messages, String messageId) throws MessagingException {
		for (Message message : messages) {
			String[] ids = message.getHeader("Message-ID");
			if (ids != null && Arrays.stream(ids).anyMatch((id) -> id.strip().equals(messageId))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * A message whose Message-ID is the delivery's: JavaMail would otherwise make a new
	 * random one whenever the message is saved.
	 */
	private static final class DeliveryMessage extends MimeMessage {

		private final String messageId;

		DeliveryMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
