package vn.gov.cchc.notification.sms;

import vn.gov.cchc.notification.sms.SmsText.Encoding;

/**
 * The text of one SMS with what it costs.
 *
 * @param text the text as sent
 * @param encoding the character set it is sent in
 * @param segments the number of segments it is sent and billed as
 */
public record SmsMessage(String text, Encoding encoding, int segments) {

	/** The message for a text, its encoding and segments counted by {@link SmsText}. */
	public static SmsMessage of(String text) {
		return new SmsMessage(text, SmsText.encodingOf(text), SmsText.segments(text));
	}

}
