package vn.gov.cchc.notification.reminder;

import org.jspecify.annotations.Nullable;

/**
 * The unit a message goes to and how to reach it, from the contact directory at the
 * moment of sending.
 *
 * @param unitCode the unit's official code
 * @param unitName the unit's official Vietnamese name
 * @param person the contact person, if known
 * @param email the unit's email address, if known
 * @param phone the unit's mobile number as registered (e.g. {@code 0912 345 678}), if
 * known
 */
public record Recipient(String unitCode, String unitName, @Nullable String person, @Nullable String email,
		@Nullable String phone) {

	/** Whether this recipient has an address on the channel. */
	public boolean reachableBy(Channel channel) {
		String address = (channel == Channel.EMAIL) ? this.email : this.phone;
		return address != null && !address.isBlank();
	}

}
