package vn.gov.cchc.devproviders;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /mail/v1/messages[?to=<address>]}: the mail GreenMail took, one entry per
 * message in a recipient's mailbox, oldest first, so that a developer (or a test) can
 * read it without an IMAP client; {@code ?view=recipients} lists only the mailboxes that
 * hold mail, with their counts (a benchmark's poll over many thousands of messages). The
 * archive mailbox is left out: it holds a blind copy of every reminder, which would count
 * each one twice.
 */
final class MailboxView implements HttpHandler {

	static final String PATH = "/mail/v1/messages";

	private static final Logger logger = LoggerFactory.getLogger(MailboxView.class);

	private final GreenMail mail;

	private final String archiveAddress;

	MailboxView(GreenMail mail, String archiveAddress) {
		this.mail = mail;
		this.archiveAddress = archiveAddress;
	}

	/** One message in one recipient's mailbox. */
	record Mail(String to, @Nullable String from, @Nullable String subject, @Nullable String sentAt,
			@Nullable String messageId, @Nullable String text) {

	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
				Exchanges.problem(exchange, 404, "Không có tài nguyên " + exchange.getRequestURI().getPath(),
						List.of());
				return;
			}
			if (!exchange.getRequestMethod().equals("GET")) {
				Exchanges.problem(exchange, 405,
						"Phương thức " + exchange.getRequestMethod() + " không dùng được với " + PATH, List.of());
				return;
			}
			String query = exchange.getRequestURI().getRawQuery();
			if ("recipients".equals(queryParameter(query, "view"))) {
				Exchanges.json(exchange, 200, recipients());
				return;
			}
			Exchanges.json(exchange, 200, messages(queryParameter(query, "to")));
		}
		catch (RuntimeException ex) {
			logger.warn("Reading the mailboxes failed", ex);
			throw ex;
		}
	}

	/**
	 * The messages in every mailbox but the archive's, or in the given recipient's only.
	 */
	List<Mail> messages(@Nullable String to) {
		List<Timed> found = new ArrayList<>();
		for (GreenMailUser user : this.mail.getUserManager().listUser()) {
			String address = user.getEmail();
			if (address.equalsIgnoreCase(this.archiveAddress) || (to != null && !address.equalsIgnoreCase(to.trim()))) {
				continue;
			}
			try {
				for (StoredMessage stored : this.mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
					found.add(new Timed(stored.getReceivedDate(), stored.getUid(),
							read(address, stored.getMimeMessage())));
				}
			}
			catch (FolderException ex) {
				throw new IllegalStateException("Cannot read the mailbox of " + address, ex);
			}
		}
		found.sort(Comparator.comparing(Timed::received).thenComparing(Timed::uid));
		return found.stream().map(Timed::mail).toList();
	}

	/** A recipient's mailbox, counted without reading its messages. */
	record Recipient(String to, int messages) {

	}

	/**
	 * Every mailbox but the archive's that holds mail, with how many messages: cheap with
	 * many thousands of messages, where {@link #messages} reads each one.
	 */
	List<Recipient> recipients() {
		List<Recipient> found = new ArrayList<>();
		for (GreenMailUser user : this.mail.getUserManager().listUser()) {
			String address = user.getEmail();
			if (address.equalsIgnoreCase(this.archiveAddress)) {
				continue;
			}
			try {
				int count = this.mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
				if (count > 0) {
					found.add(new Recipient(address, count));
				}
			}
			catch (FolderException ex) {
				throw new IllegalStateException("Cannot read the mailbox of " + address, ex);
			}
		}
		return found;
	}

	private record Timed(Date received, long uid, Mail mail) {

	}

	private static Mail read(String to, MimeMessage message) {
		try {
			Date sent = message.getSentDate();
			return new Mail(to, from(message), message.getSubject(),
					(sent != null) ? sent.toInstant().toString() : null, message.getMessageID(), textOf(message));
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Cannot read a message to " + to, ex);
		}
	}

	private static @Nullable String from(MimeMessage message) throws MessagingException {
		var from = message.getFrom();
		if (from == null || from.length == 0) {
			return null;
		}
		if (from[0] instanceof InternetAddress address) {
			// The name as people read it, unquoted: this view is for eyes, not for
			// parsers.
			String personal = address.getPersonal();
			return (personal != null) ? personal + " <" + address.getAddress() + ">" : address.getAddress();
		}
		return from[0].toString();
	}

	/** The first text/plain part, else the first text part of any kind. */
	private static @Nullable String textOf(Part part) throws MessagingException, IOException {
		String plain = firstText(part, true);
		return (plain != null) ? plain : firstText(part, false);
	}

	private static @Nullable String firstText(Part part, boolean plainOnly) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
					continue;
				}
				String text = firstText(child, plainOnly);
				if (text != null) {
					return text;
				}
			}
			return null;
		}
		if (part.isMimeType(plainOnly ? "text/plain" : "text/*")) {
			Object content = part.getContent();
			return (content instanceof String text) ? text : null;
		}
		return null;
	}

	static @Nullable String queryParameter(@Nullable String rawQuery, String name) {
		if (rawQuery == null) {
			return null;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			if (key.toLowerCase(Locale.ROOT).equals(name)) {
				String value = (equals < 0) ? ""
						: URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				return value.isBlank() ? null : value;
			}
		}
		return null;
	}

}
