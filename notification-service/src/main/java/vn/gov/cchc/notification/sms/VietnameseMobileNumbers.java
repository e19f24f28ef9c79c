package vn.gov.cchc.notification.sms;

import java.util.regex.Pattern;

import vn.gov.cchc.notification.reminder.DeliveryException;

/**
 * Vietnamese mobile numbers as written in the contact directory, in the international
 * form SMS gateways take ({@code 84} and nine digits, no {@code +}).
 */
public final class VietnameseMobileNumbers {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()/]");

	/**
	 * Nine digits after {@code 84} or {@code 0}, the first of them one that Vietnamese
	 * mobile prefixes start with (03x, 05x, 07x, 08x, 09x); landlines (02x) have ten and
	 * cannot receive an SMS. A {@code 0} kept after the country code ({@code +84 (0)
	 * 912...}) is a common way of writing it and is dropped.
	 */
	private static final Pattern MOBILE = Pattern.compile("(?:(?:\\+|00)?84(?:0)?|0)([35789]\\d{8})");

	private VietnameseMobileNumbers() {
	}

	/**
	 * The number in the form {@code 84912345678}, from any of {@code 0912 345 678},
	 * {@code 0912.345.678}, {@code +84 912345678}, {@code 84912345678},
	 * {@code 0084 912 345 678} and the like.
	 * @throws DeliveryException (permanent) when it is not a plausible Vietnamese mobile
	 * number, as no provider will ever deliver to it
	 */
	public static String normalise(String number) {
		var matcher = MOBILE.matcher(SEPARATORS.matcher(number).replaceAll(""));
		if (!matcher.matches()) {
			throw new DeliveryException("'%s' is not a Vietnamese mobile number".formatted(number), true);
		}
		return "84" + matcher.group(1);
	}

}
