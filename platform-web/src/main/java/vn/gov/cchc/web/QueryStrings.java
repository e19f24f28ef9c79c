package vn.gov.cchc.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Decodes a raw query string strictly, as no servlet container does: a {@code %} not
 * followed by two hex digits, bytes that are no UTF-8 (an overlong {@code %C0%AF}, an
 * encoded surrogate) and NUL are faults, where a container would replace the characters
 * or fail when a parameter is first read.
 */
final class QueryStrings {

	/** What names a fault in a parameter's name, which cannot name itself. */
	static final String QUERY = "query";

	private QueryStrings() {
	}

	/**
	 * @param query the query string as sent, still encoded
	 * @return the first parameter that does not decode, or {@code null} if all do
	 */
	static @Nullable FieldError firstFault(String query) {
		for (String pair : query.split("&", -1)) {
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String name = decode(rawName);
			if (name == null) {
				return new FieldError(QUERY, "Tên tham số không giải mã được (mã %, UTF-8 hoặc ký tự NUL sai).");
			}
			if (equals >= 0 && decode(pair.substring(equals + 1)) == null) {
				return new FieldError(name,
						"Giá trị không giải mã được: mã % sai, byte không phải UTF-8 hoặc có ký tự NUL.");
			}
		}
		return null;
	}

	/** The decoded text, or {@code null} if it does not decode or holds a NUL. */
	static @Nullable String decode(String raw) {
		byte[] bytes = new byte[raw.length()];
		int length = 0;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return null;
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes[length++] = (byte) ((high << 4) + low);
				i += 2;
			}
			else if (c > 0x7f) {
				// Sent unencoded: the container's own decoding of the line decides it.
				return raw;
			}
			else {
				bytes[length++] = (byte) ((c == '+') ? ' ' : c);
			}
		}
		try {
			CharBuffer text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length));
			return (text.chars().anyMatch((ch) -> ch == 0)) ? null : text.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
