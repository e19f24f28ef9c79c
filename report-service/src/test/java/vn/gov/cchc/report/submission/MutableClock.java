package vn.gov.cchc.report.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, past a cut-off or a due date. */
final class MutableClock extends Clock {

	private volatile Instant now;

	MutableClock(Instant now) {
		this.now = now;
	}

	/** 10:00 in Vietnam on the day. */
	static Instant morningOf(LocalDate day) {
		return day.atTime(LocalTime.of(10, 0)).atZone(ReportCompiler.VIETNAM).toInstant();
	}

	void set(Instant now) {
		this.now = now;
	}

	void setMorningOf(LocalDate day) {
		set(morningOf(day));
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
