package vn.gov.cchc.notification.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The Message-ID of a delivery. A delivery id may hold characters that a Message-ID's
 * left-hand side (an RFC 5322 dot-atom) does not allow, such as {@code :} or a space, so
 * every byte of its UTF-8 form other than a letter, a digit, {@code -} and {@code _} is
 * written {@code =XX}. The encoding is reversible, so two delivery ids never share a
 * Message-ID, and stays readable for the ids the dispatcher makes.
 */
final class MessageIds {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private MessageIds() {
	}

	/** {@code <encoded delivery id@domain>}, angle brackets included. */
	static String of(String deliveryId, String domain) {
		if (deliveryId.isEmpty()) {
			throw new IllegalArgumentException("A delivery id is not empty");
		}
		StringBuilder id = new StringBuilder("<");
		for (byte b : deliveryId.getBytes(StandardCharsets.UTF_8)) {
			if (kept(b)) {
				id.append((char) b);
			}
			else {
				id.append('=').append(HEX.toHexDigits(b));
			}
		}
		return id.append('@').append(domain).append('>').toString();
	}

	/** The delivery id a Message-ID made by {@link #of} was made from. */
	static String deliveryId(String messageId) {
		int at = messageId.lastIndexOf('@');
		if (!messageId.startsWith("<") || at < 0) {
			throw new IllegalArgumentException("Not a Message-ID of a delivery: " + messageId);
		}
		String local = messageId.substring(1, at);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < local.length(); i++) {
			char c = local.charAt(i);
			if (c == '=') {
				bytes.write(HexFormat.fromHexDigits(local, i + 1, i + 3));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static boolean kept(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_';
	}

}
