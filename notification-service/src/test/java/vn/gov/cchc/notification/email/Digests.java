package vn.gov.cchc.notification.email;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.gov.cchc.events.PeriodType;
import vn.gov.cchc.notification.reminder.Channel;
import vn.gov.cchc.notification.reminder.Digest;
import vn.gov.cchc.notification.reminder.DigestItem;
import vn.gov.cchc.notification.reminder.Recipient;
import vn.gov.cchc.notification.reminder.ReminderKind;

/** Digests as the dispatcher makes them, sent on 06/07/2026 in Hà Nội time. */
final class Digests {

	static final String PLAN = "27-2022-22-KH-UBND";

	static final Instant SEND_AT = Instant.parse("2026-07-06T01:00:00Z");

	static final Locale VI = Locale.forLanguageTag("vi");

	static final Recipient HOA_LONG = new Recipient("26881", "Xã Hòa Long", "Nguyễn Văn An", "hoalong@bacninh.gov.vn",
			"0912345678");

	static final Recipient PROVINCE = new Recipient("27", "Tỉnh Bắc Ninh", null, "vpubnd@bacninh.gov.vn", null);

	private Digests() {
	}

	static DigestItem item(String unitCode, String unitName, String periodId, PeriodType type, LocalDate due,
			ReminderKind kind, long daysToDue) {
		return new DigestItem(PLAN + ":" + periodId + ":" + unitCode, unitCode, unitName, PLAN, periodId, type, due,
				kind, daysToDue, link(unitCode, periodId));
	}

	static URI link(String unitCode, String periodId) {
		return URI.create("https://cchc.local/submissions/" + PLAN + "/" + periodId + "/" + unitCode);
	}

	static URI dashboard(String unitCode) {
		return URI.create("https://cchc.local/dashboard/units/" + unitCode);
	}

	/** One quarterly report due in three days. */
	static Digest single(String deliveryId, Recipient recipient, Locale language) {
		return digest(deliveryId, recipient, language, item(recipient.unitCode(), recipient.unitName(), "2026-Q2",
				PeriodType.QUARTER, LocalDate.of(2026, 7, 9), ReminderKind.BEFORE, 3));
	}

	/** A half-year report due today and a quarterly report due in three days. */
	static Digest twoDueSoon(Locale language) {
		return digest("d-multi", HOA_LONG, language,
				item("26881", "Xã Hòa Long", "2026-H1", PeriodType.HALF_YEAR, LocalDate.of(2026, 7, 6),
						ReminderKind.DUE_TODAY, 0),
				item("26881", "Xã Hòa Long", "2026-Q2", PeriodType.QUARTER, LocalDate.of(2026, 7, 9),
						ReminderKind.BEFORE, 3));
	}

	/** A monthly report two days late besides the two of {@link #twoDueSoon}. */
	static Digest oneOverdueOfThree(Locale language) {
		return digest("d-late", HOA_LONG, language,
				item("26881", "Xã Hòa Long", "2026-M06", PeriodType.MONTH, LocalDate.of(2026, 7, 4),
						ReminderKind.OVERDUE, -2),
				item("26881", "Xã Hòa Long", "2026-H1", PeriodType.HALF_YEAR, LocalDate.of(2026, 7, 6),
						ReminderKind.DUE_TODAY, 0),
				item("26881", "Xã Hòa Long", "2026-Q2", PeriodType.QUARTER, LocalDate.of(2026, 7, 9),
						ReminderKind.BEFORE, 3));
	}

	/** The province told that Xã Hòa Long's quarterly report is two days late. */
	static Digest escalation(Locale language) {
		return digest("d-esc", PROVINCE, language, item("26881", "Xã Hòa Long", "2026-Q2", PeriodType.QUARTER,
				LocalDate.of(2026, 7, 4), ReminderKind.ESCALATION, -2));
	}

	static Digest digest(String deliveryId, Recipient recipient, Locale language, DigestItem... items) {
		return new Digest(deliveryId, Channel.EMAIL, recipient, language, List.of(items), SEND_AT,
				dashboard(recipient.unitCode()));
	}

	static Recipient recipient(String unitName, @Nullable String person, @Nullable String email) {
		return new Recipient("26881", unitName, person, email, null);
	}

}
