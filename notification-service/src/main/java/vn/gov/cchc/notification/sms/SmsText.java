package vn.gov.cchc.notification.sms;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Vietnamese text made SMS-safe, and the count of the SMS segments a text is billed as.
 * <p>
 * The GSM-7 alphabet is the 3GPP TS 23.038 default alphabet plus its extension table
 * ({@code ^ { } \ [ ~ ] | €} and form feed), whose characters take two septets (an escape
 * and the character). A text of GSM-7 characters only is sent as GSM-7: up to 160 septets
 * in one segment, else 153 per segment of a concatenated message. Any other text is sent
 * as UCS-2: up to 70 UTF-16 code units in one segment, else 67 per segment. A segment
 * never ends in the middle of an escape sequence or of a surrogate pair, as handsets
 * cannot join those back.
 * <p>
 * The empty text counts as one GSM-7 segment: an empty message is still one message, and
 * that is what providers bill.
 */
public final class SmsText {

	/** The character set a text is sent in. */
	public enum Encoding {

		/** The GSM 03.38 7-bit default alphabet with its extension table. */
		GSM_7,

		/** UTF-16, for texts with any character outside GSM-7. */
		UCS_2

	}

	static final int GSM_7_SINGLE = 160;

	static final int GSM_7_CONCATENATED = 153;

	static final int UCS_2_SINGLE = 70;

	static final int UCS_2_CONCATENATED = 67;

	private static final String GSM_7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String GSM_7_EXTENSION = "\f^{}\\[~]|€";

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	/**
	 * GSM-7 stand-ins for characters word processors and phones put into text; anything
	 * else outside GSM-7 becomes {@code ?}.
	 */
	private static final Map<Character, String> GSM_7_EQUIVALENTS = Map.ofEntries(Map.entry('\u2018', "'"),
			Map.entry('\u2019', "'"), Map.entry('\u201A', "'"), Map.entry('\u201B', "'"), Map.entry('\u2032', "'"),
			Map.entry('`', "'"), Map.entry('\u00B4', "'"), Map.entry('\u201C', "\""), Map.entry('\u201D', "\""),
			Map.entry('\u201E', "\""), Map.entry('\u201F', "\""), Map.entry('\u2033', "\""), Map.entry('\u00AB', "\""),
			Map.entry('\u00BB', "\""), Map.entry('\u2010', "-"), Map.entry('\u2011', "-"), Map.entry('\u2012', "-"),
			Map.entry('\u2013', "-"), Map.entry('\u2014', "-"), Map.entry('\u2015', "-"), Map.entry('\u2212', "-"),
			Map.entry('\u2022', "-"), Map.entry('\u2026', "..."), Map.entry('\u00A0', " "), Map.entry('\u2002', " "),
			Map.entry('\u2003', " "), Map.entry('\u2009', " "), Map.entry('\u202F', " "), Map.entry('\t', " "),
			Map.entry('\u00D7', "x"), Map.entry('\u00B7', "."), Map.entry('\u2116', "No."));

	private SmsText() {
	}

	/**
	 * The text without diacritics: every Vietnamese tone mark (sắc, huyền, hỏi, ngã,
	 * nặng) and vowel mark (ă â ê ô ơ ư) removed, {@code đ} and {@code Đ} made {@code d}
	 * and {@code D}. Precomposed and decomposed input give the same result. Combining
	 * marks on other letters go too ({@code ü} becomes {@code u}).
	 */
	public static String withoutDiacritics(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		// Scripts NFD splits without combining marks (Hangul) are put back together.
		return Normalizer.normalize(stripped, Normalizer.Form.NFC);
	}

	/**
	 * The text in the GSM-7 alphabet: without diacritics, typographic quotes, dashes,
	 * ellipses and spaces replaced by their plain equivalents, and any other character
	 * outside GSM-7 replaced by {@code ?}.
	 */
	public static String toGsm7(String text) {
		String plain = withoutDiacritics(text);
		StringBuilder gsm7 = new StringBuilder(plain.length());
		for (int i = 0; i < plain.length();) {
			int codePoint = plain.codePointAt(i);
			i += Character.charCount(codePoint);
			if (Character.isBmpCodePoint(codePoint) && isGsm7((char) codePoint)) {
				gsm7.append((char) codePoint);
			}
			else if (Character.isBmpCodePoint(codePoint) && GSM_7_EQUIVALENTS.containsKey((char) codePoint)) {
				gsm7.append(GSM_7_EQUIVALENTS.get((char) codePoint));
			}
			else {
				gsm7.append('?');
			}
		}
		return gsm7.toString();
	}

	/** Whether every character of the text is in the GSM-7 alphabet. */
	public static boolean isGsm7(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!isGsm7(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The encoding the text is sent in: GSM-7 when it can be, else UCS-2. */
	public static Encoding encodingOf(String text) {
		return isGsm7(text) ? Encoding.GSM_7 : Encoding.UCS_2;
	}

	/**
	 * The length of the text in its encoding: septets for GSM-7 (two for an extension
	 * character), UTF-16 code units for UCS-2.
	 */
	public static int units(String text) {
		if (encodingOf(text) == Encoding.UCS_2) {
			return text.length();
		}
		int septets = 0;
		for (int i = 0; i < text.length(); i++) {
			septets += septets(text.charAt(i));
		}
		return septets;
	}

	/** The number of segments the text is sent (and billed) as; at least one. */
	public static int segments(String text) {
		Encoding encoding = encodingOf(text);
		int single = (encoding == Encoding.GSM_7) ? GSM_7_SINGLE : UCS_2_SINGLE;
		if (units(text) <= single) {
			return 1;
		}
		int perSegment = (encoding == Encoding.GSM_7) ? GSM_7_CONCATENATED : UCS_2_CONCATENATED;
		int segments = 1;
		int used = 0;
		for (int i = 0; i < text.length();) {
			int width;
			int chars;
			if (encoding == Encoding.GSM_7) {
				width = septets(text.charAt(i));
				chars = 1;
			}
			else {
				chars = Character.charCount(text.codePointAt(i));
				width = chars;
			}
			if (used + width > perSegment) {
				segments++;
				used = 0;
			}
			used += width;
			i += chars;
		}
		return segments;
	}

	/** The most units that fit in the given number of segments of the encoding. */
	static int capacity(Encoding encoding, int segments) {
		if (encoding == Encoding.GSM_7) {
			return (segments == 1) ? GSM_7_SINGLE : GSM_7_CONCATENATED * segments;
		}
		return (segments == 1) ? UCS_2_SINGLE : UCS_2_CONCATENATED * segments;
	}

	private static boolean isGsm7(char c) {
		return GSM_7_BASIC.indexOf(c) >= 0 || GSM_7_EXTENSION.indexOf(c) >= 0;
	}

	private static int septets(char c) {
		return (GSM_7_EXTENSION.indexOf(c) >= 0) ? 2 : 1;
	}

}
