package vn.gov.cchc.notification.email;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The email channel's settings. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from the sender, an RFC 5322 address whose display name may be Vietnamese
 * @param messageIdDomain the right-hand side of the Message-IDs made from delivery ids
 * @param archive the archive mailbox every message is copied to
 */
@ConfigurationProperties("cchc.notification.email")
@Validated
public record EmailProperties(@DefaultValue("CCHC Bắc Ninh <no-reply@cchc.local>") @NotBlank String from,
		@DefaultValue("cchc.local") @Pattern(regexp = "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*",
				message = "must be a domain name made of letters, digits, hyphens and dots") String messageIdDomain,
		@DefaultValue @Valid Archive archive) {

	/**
	 * The archive mailbox, the email counterpart of the "Lưu: VT" copy of an official
	 * document.
	 *
	 * @param address where the blind copy of every message goes; none when absent
	 * @param imap how to read the archive mailbox back
	 */
	public record Archive(@Nullable String address, @DefaultValue @Valid Imap imap) {

		/** Whether messages can be looked up in the archive. */
		public boolean searchable() {
			return hasText(this.address) && hasText(this.imap.host());
		}

		/**
		 * An IMAP host without an archive address would answer "not found" for every
		 * message, and a delivery would be sent twice on the strength of it.
		 */
		@AssertTrue(message = "archive.imap.host needs archive.address: only the copies sent there can be found")
		public boolean isImapBackedByAnAddress() {
			return !hasText(this.imap.host()) || hasText(this.address);
		}

		private static boolean hasText(@Nullable String value) {
			return value != null && !value.isBlank();
		}

	}

	/**
	 * The IMAP account of the archive mailbox.
	 *
	 * @param host the IMAP server; lookups answer "unknown" without it
	 * @param port its port (plain IMAP)
	 * @param username the archive account's login
	 * @param password its password
	 * @param folder the folder the copies are delivered to
	 * @param timeout the connect and read timeout of one lookup
	 */
	public record Imap(@Nullable String host, @DefaultValue("143") @Min(1) @Max(65535) int port,
			@Nullable String username, @Nullable String password, @DefaultValue("INBOX") @NotBlank String folder,
			@DefaultValue("5s") @NotNull Duration timeout) {

	}

}
