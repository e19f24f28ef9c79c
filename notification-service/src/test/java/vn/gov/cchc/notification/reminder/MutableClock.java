package vn.gov.cchc.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, to a reminder's time. */
final class MutableClock extends Clock {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private volatile Instant now;

	MutableClock(Instant now) {
		this.now = now;
	}

	/** Moves to a local time in Vietnam, e.g. {@code 2026-07-02T08:00}. */
	void setLocal(String dateTime) {
		this.now = LocalDateTime.parse(dateTime).atZone(VIETNAM).toInstant();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Tests read instants only");
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
